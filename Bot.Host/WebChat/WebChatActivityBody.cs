namespace Assistant.Bot.Host.WebChat;

/// <summary>POST /api/webchat/activities body (docs/widget.md).</summary>
public sealed record WebChatActivityBody(
    string? UserId,
    string? ClientMessageId,
    string? Type,
    string? Text,
    string? Payload,
    int? Rating,
    string? Segment);
