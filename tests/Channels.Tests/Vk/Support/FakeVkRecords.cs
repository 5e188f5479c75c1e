using System.Text.Json.Nodes;

namespace Assistant.Channels.Tests.Vk.Support;

/// <summary>One call of an API method as the fake received it.</summary>
public sealed record ApiCall(string Method, IReadOnlyDictionary<string, string> Form);

/// <summary>A message the fake posted to a person, with its keyboard as sent.</summary>
public sealed record SentMessage(long PeerId, long RandomId, string Text, JsonObject? Keyboard, long MessageId)
{
    /// <summary>The buttons row by row: (type, label, the engine payload inside {"button": …}).</summary>
    public IReadOnlyList<IReadOnlyList<(string Type, string Label, string? Payload)>> Rows =>
        Keyboard?["buttons"] is JsonArray rows
            ? [.. rows.Select(row => (IReadOnlyList<(string, string, string?)>)[.. row!.AsArray().Select(button =>
            {
                var action = button!["action"]!;
                var payload = JsonNode.Parse(action["payload"]!.GetValue<string>())?["button"]?.GetValue<string>();
                return (action["type"]!.GetValue<string>(), action["label"]!.GetValue<string>(), payload);
            })])]
            : [];

    public IReadOnlyList<(string Type, string Label, string? Payload)> Buttons => [.. Rows.SelectMany(r => r)];

    public bool IsInline => Keyboard?["inline"]?.GetValue<bool>() == true;
}

/// <summary>A messages.sendMessageEventAnswer call.</summary>
public sealed record EventAnswer(string EventId, long UserId, long PeerId, JsonObject? EventData);

/// <summary>A long-poll request (key, ts, wait) and the JSON it was answered with.</summary>
public sealed record PollRecord(string Key, string Ts, string Wait, string Answer)
{
    public int? Failed => JsonNode.Parse(Answer)?["failed"]?.GetValue<int>();

    public string? AnsweredTs => JsonNode.Parse(Answer)?["ts"]?.GetValue<string>();
}
