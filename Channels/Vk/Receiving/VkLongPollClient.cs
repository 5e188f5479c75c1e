using System.Text.Json;
using Assistant.Channels.Vk.Api;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// The Bots Long Poll request: GET {server}?act=a_check&amp;key=…&amp;ts=…&amp;wait=…, held open by VK until events arrive or the
/// wait ends. Not an API method (no token, no version), so not part of <see cref="VkApiClient"/>. The key is in the URL,
/// so the HttpClient it uses has its logging handlers removed.
/// </summary>
public sealed class VkLongPollClient(IHttpClientFactory http, IOptions<VkOptions> options)
{
    public const string HttpClientName = "vk-longpoll";

    public async Task<VkLongPollResponse> CheckAsync(VkLongPollServer server, string ts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var address = server.Server.Contains("://", StringComparison.Ordinal) ? server.Server : "https://" + server.Server;
        var query = $"act=a_check&key={Uri.EscapeDataString(server.Key)}&ts={Uri.EscapeDataString(ts)}&wait={options.Value.LongPollWait}";
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.GetAsync(new Uri(address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw VkErrors.FromStatus("long poll", response.StatusCode);
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            throw VkErrors.Unreadable("long poll", "the answer is not a long-poll response");
        }
    }

    private static VkLongPollResponse Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Not an object.");
        }

        var ts = root.TryGetProperty("ts", out var t) ? t.ValueKind switch
        {
            JsonValueKind.String => t.GetString(),
            JsonValueKind.Number => t.GetRawText(),
            _ => null,
        } : null;
        int? failed = root.TryGetProperty("failed", out var f) && f.TryGetInt32(out var code) ? code : null;
        var updates = root.TryGetProperty("updates", out var u) && u.ValueKind == JsonValueKind.Array
            ? u.Deserialize<List<VkUpdate>>(VkJson.Options) ?? []
            : [];
        return failed is null && ts is null ? throw new JsonException("Neither ts nor failed.") : new VkLongPollResponse(ts, updates, failed);
    }
}
