using System.Text.Json;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Our payloads on VK buttons: the engine's payload wrapped as <c>{"button":"rate:4"}</c> (VK wants a JSON text), and VK's
/// own <c>{"command":"start"}</c> of the «Начать» button.
/// </summary>
public static class VkButtonPayload
{
    private const string ButtonField = "button";

    public static string Encode(string payload) => JsonSerializer.Serialize(new Dictionary<string, string> { [ButtonField] = payload }, VkJson.Options);

    /// <summary>The engine's payload in a message_event's payload object, if it is ours.</summary>
    public static string? Decode(JsonElement? payload) =>
        payload is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(ButtonField, out var button) && button.ValueKind == JsonValueKind.String
            ? button.GetString()
            : null;

    /// <summary>The engine's payload in a message's payload text, if it is ours.</summary>
    public static string? Decode(string? payload) => Parse(payload, root => Decode(root));

    /// <summary>True for the «Начать» button VK shows before the first message.</summary>
    public static bool IsStart(string? payload) =>
        Parse(payload, root => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("command", out var command)
            && command.ValueKind == JsonValueKind.String && command.GetString() == "start" ? "start" : null) is not null;

    private static string? Parse(string? payload, Func<JsonElement, string?> read)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
