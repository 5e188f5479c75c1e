namespace Assistant.Bot.Host.WebChat;

/// <summary>One server-sent event of the web chat stream (docs/widget.md): a message or a typing notice.</summary>
public sealed record WebChatEvent(string Event, long Sequence, WebChatMessage? Message, string? TypingFrom = null);

/// <summary>The JSON of a "message" event.</summary>
public sealed record WebChatMessage(
    long Sequence,
    string From,
    string Kind,
    string Text,
    IReadOnlyList<WebChatButton> Buttons,
    string? SourceUrl,
    DateTimeOffset Timestamp,
    string? ClientMessageId = null);

public sealed record WebChatButton(string Title, string Payload);
