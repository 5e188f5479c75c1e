using System.Text.Json;
using Assistant.Bot.Host.Staff.Accounts;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>One operation of the app's OpenAPI document, with the staff area its tag names (null for a public one).</summary>
public sealed record ApiOperation(string Method, string Path, string? Area, bool Multipart)
{
    public string Name => $"{Method} {Path}";

    /// <summary>Every operation the app describes; an operation may carry at most one staff area.</summary>
    public static async Task<IReadOnlyList<ApiOperation>> ReadAllAsync(HttpClient client)
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("openapi/v1.json")).RootElement;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var tags = method.Value.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
                var areas = tags.Where(StaffRoles.AreaRoles.ContainsKey).ToList();
                Assert.True(areas.Count <= 1, $"{method.Name} {path.Name} has several staff areas");
                var multipart = method.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                    && content.TryGetProperty("multipart/form-data", out _);
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, areas.FirstOrDefault(), multipart));
            }
        }

        return operations;
    }

    /// <summary>A call of this operation on an id that does not exist, with a body every staff operation can read.</summary>
    public HttpRequestMessage NewRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path.Replace("{id}", "no-such-id", StringComparison.Ordinal).TrimStart('/'));
        if (Multipart)
        {
            // An upload endpoint only matches multipart bodies; anything else is not this endpoint at all.
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent("{}"u8.ToArray()), "file", "kb.json");
            request.Content = form;
        }
        else if (Method is "POST" or "PUT")
        {
            request.Content = new StringContent("""{"text":"проверка","toGroup":"general","online":false,"flag":"инвалидность"}""", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
