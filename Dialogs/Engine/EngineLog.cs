using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Engine;

/// <summary>Log events of the turn pipeline. Never the text of a message: ids, kinds, counts and states only.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
        Message = "Turn {Channel}/{ActivityType} of conversation {ConversationId}: {Outcome}, state {State}, {ReplyCount} replies in {ElapsedMs} ms")]
    public static partial void TurnProcessed(this ILogger logger, string channel, string activityType, string? conversationId, string outcome,
        string? state, int replyCount, double elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Turn {Channel}/{ActivityType} of conversation {ConversationId} failed")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string channel, string activityType, string? conversationId);

    /// <summary>
    /// A message id carries the person's id in the channel (the web visitor's id, which opens their chat; a Telegram chat id):
    /// only a digest of it is logged, enough to match two log lines about one message.
    /// </summary>
    public static void DuplicateSkipped(this ILogger logger, string channel, string messageId) =>
        DuplicateSkippedDigest(logger, channel, Privacy.LogDigest.Of(messageId));

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Duplicate delivery of {Channel} message {MessageDigest} skipped")]
    private static partial void DuplicateSkippedDigest(ILogger logger, string channel, string messageDigest);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Conversation {ConversationId} throttled (first refusal of the streak: {Told})")]
    public static partial void Throttled(this ILogger logger, string conversationId, bool told);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "No channel sender for {Channel}; message {Sequence} of conversation {ConversationId} stays in the transcript only")]
    public static partial void NoSender(this ILogger logger, string channel, string conversationId, long sequence);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Delivery of message {Sequence} of conversation {ConversationId} to {Channel} failed; it stays in the transcript")]
    public static partial void DeliveryFailed(this ILogger logger, Exception exception, string channel, string conversationId, long sequence);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Message of conversation {ConversationId} masked: {Kinds}")]
    public static partial void PersonalDataMasked(this ILogger logger, string conversationId, string kinds);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Oversized message ({Length} characters) in {Channel} cut to {Limit}")]
    public static partial void Oversized(this ILogger logger, string channel, int length, int limit);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Inactivity sweep closed {Closed} and expired {Expired} conversations")]
    public static partial void InactivitySweep(this ILogger logger, int closed, int expired);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "A conversation observer failed on conversation {ConversationId}; the change is saved")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "A {Kind} question of conversation {ConversationId} was not kept for the moderators' inbox")]
    public static partial void UnansweredNotKept(this ILogger logger, Exception exception, string conversationId, string kind);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Statistics of conversation {ConversationId} were not recorded; the conversation is saved")]
    public static partial void AfterCommitFailed(this ILogger logger, Exception exception, string conversationId);
}
