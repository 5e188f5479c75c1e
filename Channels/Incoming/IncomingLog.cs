using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Incoming;

/// <remarks>A message id carries the person's id in the channel: only its digest is logged (<see cref="Assistant.Dialogs.Privacy.LogDigest.Of"/>).</remarks>
internal static partial class IncomingLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "A {Channel} message kept by a stopped host was taken over: {MessageDigest}")]
    private static partial void TakenOverDigest(ILogger logger, string channel, string messageDigest);

    public static void TakenOver(this ILogger logger, string channel, string messageId) => TakenOverDigest(logger, channel, Assistant.Dialogs.Privacy.LogDigest.Of(messageId));

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "A kept {Channel} message could not be read and was dropped: {MessageDigest}")]
    private static partial void UnreadableDigest(ILogger logger, string channel, string messageDigest);

    public static void Unreadable(this ILogger logger, string channel, string messageId) => UnreadableDigest(logger, channel, Assistant.Dialogs.Privacy.LogDigest.Of(messageId));

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Renewing or taking over kept messages failed; trying again shortly")]
    public static partial void RecoveryFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Releasing this host's kept messages at stop failed; their leases run out by themselves")]
    public static partial void ReleaseFailed(this ILogger logger, Exception error);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "A {Channel} message could not be kept until processed ({MessageDigest}); it is processed from memory only")]
    private static partial void KeepFailedDigest(ILogger logger, Exception error, string channel, string messageDigest);

    public static void KeepFailed(this ILogger logger, Exception error, string channel, string messageId) => KeepFailedDigest(logger, error, channel, Assistant.Dialogs.Privacy.LogDigest.Of(messageId));

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "A {Channel} message was processed, but could not be forgotten ({MessageDigest}); it will be taken over and found a duplicate")]
    private static partial void ForgetFailedDigest(ILogger logger, Exception error, string channel, string messageDigest);

    public static void ForgetFailed(this ILogger logger, Exception error, string channel, string messageId) => ForgetFailedDigest(logger, error, channel, Assistant.Dialogs.Privacy.LogDigest.Of(messageId));

    [LoggerMessage(EventId = 4306, Level = LogLevel.Warning, Message = "A kept {Channel} message could not be queued again ({MessageDigest}); it is taken over later")]
    private static partial void ReplayFailedDigest(ILogger logger, Exception error, string channel, string messageDigest);

    public static void ReplayFailed(this ILogger logger, Exception error, string channel, string messageId) => ReplayFailedDigest(logger, error, channel, Assistant.Dialogs.Privacy.LogDigest.Of(messageId));

    [LoggerMessage(EventId = 4307, Level = LogLevel.Error, Message = "{Count} kept messages older than a day were given up unprocessed")]
    public static partial void TooOld(this ILogger logger, int count);

    [LoggerMessage(EventId = 4308, Level = LogLevel.Warning, Message = "The read position of {Stream} could not be loaded or saved")]
    public static partial void PositionFailed(this ILogger logger, Exception error, string stream);
}
