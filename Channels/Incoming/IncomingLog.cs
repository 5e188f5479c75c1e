using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Incoming;

internal static partial class IncomingLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "A {Channel} message kept by a stopped host was taken over: {MessageId}")]
    public static partial void TakenOver(this ILogger logger, string channel, string messageId);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "A kept {Channel} message could not be read and was dropped: {MessageId}")]
    public static partial void Unreadable(this ILogger logger, string channel, string messageId);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Renewing or taking over kept messages failed; trying again shortly")]
    public static partial void RecoveryFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Releasing this host's kept messages at stop failed; their leases run out by themselves")]
    public static partial void ReleaseFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "A {Channel} message could not be kept until processed ({MessageId}); it is processed from memory only")]
    public static partial void KeepFailed(this ILogger logger, Exception error, string channel, string messageId);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "A {Channel} message was processed, but could not be forgotten ({MessageId}); it will be taken over and found a duplicate")]
    public static partial void ForgetFailed(this ILogger logger, Exception error, string channel, string messageId);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Warning, Message = "A kept {Channel} message could not be queued again ({MessageId}); it is taken over later")]
    public static partial void ReplayFailed(this ILogger logger, Exception error, string channel, string messageId);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Error, Message = "{Count} kept messages older than a day were given up unprocessed")]
    public static partial void TooOld(this ILogger logger, int count);

    [LoggerMessage(EventId = 4308, Level = LogLevel.Warning, Message = "The read position of {Stream} could not be loaded or saved")]
    public static partial void PositionFailed(this ILogger logger, Exception error, string stream);
}
