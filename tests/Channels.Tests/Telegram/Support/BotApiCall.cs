using System.Globalization;
using System.Text.Json.Nodes;

namespace Assistant.Channels.Tests.Telegram.Support;

/// <summary>One request the fake Bot API server received, with what it answered.</summary>
/// <param name="Status">200, or the error code it answered with.</param>
/// <param name="MessageId">The message_id it gave a sent message.</param>
public sealed record BotApiCall(int Number, string Method, JsonObject Body, int Status, int? MessageId)
{
    public bool Succeeded => Status == 200;

    public long? ChatId => Body["chat_id"] switch
    {
        JsonValue value when value.TryGetValue<long>(out var id) => id,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    public string? Text => Body["text"]?.GetValue<string>();

    public string? ParseMode => Body["parse_mode"]?.GetValue<string>();

    /// <summary>The inline keyboard sent with the message, row by row, as (text, callback_data).</summary>
    public IReadOnlyList<IReadOnlyList<(string Text, string Data)>> Keyboard =>
        Body["reply_markup"]?["inline_keyboard"] is JsonArray rows
            ? [.. rows.Select(row => (IReadOnlyList<(string, string)>)[.. row!.AsArray().Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()))])]
            : [];

    public IReadOnlyList<(string Text, string Data)> Buttons => [.. Keyboard.SelectMany(row => row)];

    public int? Offset => Body["offset"]?.GetValue<int>();

    public override string ToString() => $"#{Number} {Method} {Status} {Body.ToJsonString()}";
}
