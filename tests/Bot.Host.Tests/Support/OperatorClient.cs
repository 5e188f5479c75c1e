using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>One operator calling /api/operator/* with their personal API token, as an integration would.</summary>
public sealed class OperatorClient(HttpClient client, string? apiKey, string operatorId)
{
    public string OperatorId => operatorId;

    /// <summary>The queue of one group, or of all the operator's groups when <paramref name="group"/> is empty.</summary>
    public Task<HttpResponseMessage> GetQueueAsync(string group) => SendAsync(HttpMethod.Get, group.Length == 0 ? "api/operator/queue" : $"api/operator/queue?group={Uri.EscapeDataString(group)}");

    public Task<HttpResponseMessage> AcceptAsync(string conversationId) => SendAsync(HttpMethod.Post, Path(conversationId, "accept"), new { });

    public Task<HttpResponseMessage> ReplyAsync(string conversationId, string text) => SendAsync(HttpMethod.Post, Path(conversationId, "reply"), new { text });

    public Task<HttpResponseMessage> TransferAsync(string conversationId, string toGroup) =>
        SendAsync(HttpMethod.Post, Path(conversationId, "transfer"), new { toGroup });

    public Task<HttpResponseMessage> CloseAsync(string conversationId) => SendAsync(HttpMethod.Post, Path(conversationId, "close"), new { });

    public Task<HttpResponseMessage> FlagAsync(string conversationId, string flag, bool on = true) =>
        SendAsync(HttpMethod.Post, Path(conversationId, "flags"), new { flag, on });

    public Task<HttpResponseMessage> SetPresenceAsync(bool online) => SendAsync(HttpMethod.Put, "api/operator/presence", new { online });

    public Task<HttpResponseMessage> TranscriptAsync(string conversationId) => SendAsync(HttpMethod.Get, Path(conversationId, "transcript"));

    public Task<HttpResponseMessage> TemplatesAsync(string conversationId, string? search = null) =>
        SendAsync(HttpMethod.Get, Path(conversationId, "templates") + (search is null ? "" : "?search=" + Uri.EscapeDataString(search)));

    /// <summary>Any call with this operator's token.</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body = null) => SendAsync(method, path, body);

    /// <summary>The queue of <paramref name="group"/> as JSON (asserts 200).</summary>
    public async Task<JsonElement> QueueAsync(string group)
    {
        using var response = await GetQueueAsync(group);
        return await OkJsonAsync(response);
    }

    /// <summary>Runs an action that must succeed and returns its JSON body.</summary>
    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        return await OkJsonAsync(response);
    }

    private static string Path(string conversationId, string action) => $"api/operator/conversations/{Uri.EscapeDataString(conversationId)}/{action}";

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }
}
