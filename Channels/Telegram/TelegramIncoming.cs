namespace Assistant.Channels.Telegram;

/// <summary>What one Telegram update asks of the bot, read by <see cref="TelegramUpdateReader"/>.</summary>
public abstract record TelegramIncoming(long ChatId);

/// <summary>A text for the conversation (a question, an answer to the bot, a comment), with a mention of the bot taken out.</summary>
public sealed record TelegramText(long ChatId, string Text) : TelegramIncoming(ChatId);

/// <summary>A press of an inline button: <paramref name="Data"/> is its callback_data, <paramref name="Title"/> its text when known.</summary>
public sealed record TelegramButtonPress(long ChatId, string CallbackQueryId, int? MessageId, string Data, string? Title) : TelegramIncoming(ChatId);

public sealed record TelegramCommandCall(long ChatId, TelegramCommand Command) : TelegramIncoming(ChatId);

/// <summary>A photo, voice message, sticker, file or the like: the bot cannot read it and says so.</summary>
public sealed record TelegramAttachment(long ChatId, string Kind) : TelegramIncoming(ChatId);

/// <summary>Nothing for the bot: a group message not addressed to it, a service message, another bot.</summary>
public sealed record TelegramIgnored(long ChatId, string Reason) : TelegramIncoming(ChatId);
