namespace Assistant.Channels.Telegram;

/// <summary>A chat Telegram would not deliver to, with Telegram's own reason ("Forbidden: bot was blocked by the user").</summary>
public sealed record UnreachableChat(long ChatId, int ErrorCode, string Description, DateTimeOffset Since);
