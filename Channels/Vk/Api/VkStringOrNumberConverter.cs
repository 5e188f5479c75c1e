using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Channels.Vk.Api;

/// <summary>Reads a value VK sends as a string in some versions and as a number in others (the long-poll "ts").</summary>
public sealed class VkStringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string or a number, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
