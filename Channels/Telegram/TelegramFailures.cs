using Telegram.Bot.Exceptions;

namespace Assistant.Channels.Telegram;

/// <summary>Reads the Bot API's errors: which are worth retrying, which mean a chat is unreachable, how long 429 says to wait.</summary>
internal static class TelegramFailures
{
    // Descriptions of 400 answers that mean the chat itself is gone, as opposed to one bad request.
    private static readonly string[] GoneChat = ["chat not found", "user not found", "PEER_ID_INVALID", "user is deactivated", "upgraded to a supergroup"];

    public static TelegramFailureKind Classify(Exception exception) => exception switch
    {
        ApiRequestException { ErrorCode: 429 or >= 500 } => TelegramFailureKind.Transient,
        ApiRequestException { ErrorCode: 403 } => TelegramFailureKind.Unreachable,
        ApiRequestException { ErrorCode: 400 } api when GoneChat.Any(g => api.Message.Contains(g, StringComparison.OrdinalIgnoreCase)) =>
            TelegramFailureKind.Unreachable,
        ApiRequestException => TelegramFailureKind.Refused,

        // A request that got no Bot API answer: the network, a timeout, a proxy's error page.
        RequestException { HttpStatusCode: { } status } when (int)status is >= 400 and < 500 and not 429 => TelegramFailureKind.Refused,
        RequestException or HttpRequestException or TimeoutException => TelegramFailureKind.Transient,
        TaskCanceledException { InnerException: TimeoutException } => TelegramFailureKind.Transient,
        _ => TelegramFailureKind.Refused,
    };

    /// <summary>The wait a 429 asks for (parameters.retry_after), or null.</summary>
    public static TimeSpan? RetryAfter(Exception? exception) =>
        exception is ApiRequestException { Parameters.RetryAfter: int seconds } && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>Telegram could not parse the HTML of a message ("can't parse entities").</summary>
    public static bool IsMarkupRefused(Exception exception) =>
        exception is ApiRequestException { ErrorCode: 400 } api && api.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    /// <summary>For logs: the error code, or the kind of failure; never a URL (it would carry the token).</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        ApiRequestException api => api.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        null => "no answer",
        _ => exception.GetType().Name,
    };
}
