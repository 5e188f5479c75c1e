using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Vk;

/// <summary>
/// Log events of the VK channel. Never a token, a secret, a long-poll key or the text of a message: ids, types, codes and
/// counts only. Person-level ids appear as VK message ids ("m:{peer}:{n}", "e:{event}"), as the engine logs its own.
/// </summary>
internal static partial class VkLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "VK {Method} retry {Attempt} in {DelayMs} ms after {Reason}")]
    public static partial void Retrying(this ILogger logger, string method, int attempt, double delayMs, string reason);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning,
        Message = "VK refused message {Sequence} of conversation {ConversationId}: error {Code} ({Reason}); not retried, the message stays in the transcript")]
    public static partial void DeliveryRefused(this ILogger logger, string conversationId, long sequence, int code, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Message {Sequence} of conversation {ConversationId} has no VK peer id as its user id; not sent")]
    public static partial void NotAPeer(this ILogger logger, string conversationId, long sequence);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "VK callback refused ({Reason}) for a {Type} event")]
    public static partial void CallbackRefused(this ILogger logger, string reason, string? type);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "VK callback server confirmed")]
    public static partial void CallbackConfirmed(this ILogger logger);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Information, Message = "VK redelivered event {EventId} (X-Retry-Counter {RetryCounter})")]
    public static partial void Redelivery(this ILogger logger, string? eventId, string retryCounter);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Debug, Message = "VK {Type} event {EventId} acknowledged without processing")]
    public static partial void UpdateIgnored(this ILogger logger, string? type, string? eventId);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Information, Message = "VK event {DeliveryId} already taken; redelivery dropped")]
    public static partial void DuplicateDropped(this ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 5208, Level = LogLevel.Warning, Message = "VK event {DeliveryId} refused while stopping; VK delivers it again")]
    public static partial void InboxClosed(this ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 5209, Level = LogLevel.Error, Message = "VK {MessageId} could not be processed; given up")]
    public static partial void HandlingFailed(this ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 5217, Level = LogLevel.Warning, Message = "VK {MessageId} failed (attempt {Attempt}); trying again in {Delay}")]
    public static partial void HandlingRetrying(this ILogger logger, Exception exception, string messageId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 5210, Level = LogLevel.Warning, Message = "VK {MessageId} abandoned: the host stopped before it was processed; it stays kept for the next start")]
    public static partial void Abandoned(this ILogger logger, string messageId);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Debug, Message = "VK {MessageId} is not from a person's own dialog with the community; not served")]
    public static partial void NotAPersonalDialog(this ILogger logger, string messageId);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Warning, Message = "VK button press {MessageId} not answered")]
    public static partial void PressNotAnswered(this ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 5213, Level = LogLevel.Warning, Message = "VK refused the text-only notice for {MessageId}: error {Code} ({Reason})")]
    public static partial void NoticeRefused(this ILogger logger, string messageId, int code, string reason);

    [LoggerMessage(EventId = 5214, Level = LogLevel.Information, Message = "VK long poll session opened (continuing from our own ts: {KeptTs})")]
    public static partial void LongPollSession(this ILogger logger, bool keptTs);

    [LoggerMessage(EventId = 5215, Level = LogLevel.Information, Message = "VK long poll answered failed {Failed}; recovering")]
    public static partial void LongPollFailed(this ILogger logger, int failed);

    [LoggerMessage(EventId = 5216, Level = LogLevel.Warning, Message = "VK long poll failed; next try in {PauseSeconds} s")]
    public static partial void LongPollError(this ILogger logger, Exception exception, double pauseSeconds);

    [LoggerMessage(EventId = 5218, Level = LogLevel.Warning, Message = "VK reply {ConversationId}#{Sequence} left by another host not sent; tried again once its lease runs out")]
    public static partial void ReplyPutOff(this ILogger logger, Exception exception, string conversationId, long sequence);
}
