using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Telegram;

/// <summary>Log events of the Telegram channel: ids, methods, codes and counts; never a token, a secret or a message text.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Telegram bot @{Username} ({BotId}) connected; command menu set")]
    public static partial void Connected(this ILogger logger, string? username, long botId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Telegram webhook registered")]
    public static partial void WebhookRegistered(this ILogger logger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Telegram setup failed (attempt {Attempt}); next try in {Delay}")]
    public static partial void SetupFailed(this ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Critical, Message = "Telegram refused the bot ({ErrorCode}): check Telegram:BotToken; the channel stays off")]
    public static partial void SetupRefused(this ILogger logger, int errorCode);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Telegram getUpdates failed (attempt {Attempt}); next poll in {Delay}")]
    public static partial void PollFailed(this ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Telegram update {UpdateId} was already received; skipped")]
    public static partial void UpdateSeen(this ILogger logger, int updateId);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error,
        Message = "Telegram getUpdates conflicts with a webhook or another poller (409): delete the webhook or switch Telegram:Mode to webhook")]
    public static partial void PollConflict(this ILogger logger);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Telegram webhook call refused: {Reason}")]
    public static partial void WebhookRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} not queued: the queue is full or closing; Telegram will deliver it again")]
    public static partial void QueueFull(this ILogger logger, int updateId);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Debug, Message = "Telegram update {UpdateId} in chat {ChatId}: {What}")]
    public static partial void UpdateHandled(this ILogger logger, int updateId, long chatId, string what);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be processed; given up")]
    public static partial void UpdateFailed(this ILogger logger, Exception exception, int updateId);

    [LoggerMessage(EventId = 4139, Level = LogLevel.Warning, Message = "Telegram update {UpdateId} failed (attempt {Attempt}); trying again in {Delay}")]
    public static partial void UpdateRetrying(this ILogger logger, Exception exception, int updateId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Information, Message = "Button in chat {ChatId} no longer matches its conversation; ignored")]
    public static partial void StaleButton(this ILogger logger, long chatId);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Information, Message = "Telegram {Method} for chat {ChatId} failed ({Failure}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(this ILogger logger, string method, long chatId, string failure, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Warning,
        Message = "Telegram chat {ChatId} is unreachable ({ErrorCode}: {Description}); messages to it are dropped until it writes again")]
    public static partial void ChatUnreachable(this ILogger logger, long chatId, int errorCode, string description);

    [LoggerMessage(EventId = 4132, Level = LogLevel.Information, Message = "Message {Reference} to unreachable Telegram chat {ChatId} dropped")]
    public static partial void DroppedUnreachable(this ILogger logger, string reference, long chatId);

    [LoggerMessage(EventId = 4133, Level = LogLevel.Error, Message = "Telegram {Method} {Reference} for chat {ChatId} failed through every retry (a kept reply is tried again once its lease runs out)")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string method, string reference, long chatId);

    [LoggerMessage(EventId = 4134, Level = LogLevel.Warning, Message = "Telegram {Method} for chat {ChatId} refused ({ErrorCode}: {Description}); not retried")]
    public static partial void Refused(this ILogger logger, string method, long chatId, int errorCode, string description);

    [LoggerMessage(EventId = 4138, Level = LogLevel.Debug,
        Message = "Telegram {Method} for chat {ChatId} refused ({ErrorCode}: {Description}); harmless for an old button press or a keyboard already gone")]
    public static partial void RefusedHarmless(this ILogger logger, string method, long chatId, int errorCode, string description);

    [LoggerMessage(EventId = 4135, Level = LogLevel.Warning, Message = "Telegram could not parse the HTML of {Reference} for chat {ChatId}; sent as plain text")]
    public static partial void SentAsPlainText(this ILogger logger, string reference, long chatId);

    [LoggerMessage(EventId = 4136, Level = LogLevel.Warning, Message = "Message {Reference} for Telegram chat {ChatId} dropped: the outbox is stopping")]
    public static partial void DroppedStopping(this ILogger logger, string reference, long chatId);

    [LoggerMessage(EventId = 4137, Level = LogLevel.Error, Message = "Message {Reference} for Telegram user id {UserId} dropped: not a chat id")]
    public static partial void NotAChat(this ILogger logger, string reference, string userId);
}
