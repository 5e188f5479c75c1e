using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Requests;

/// <summary>Log events of written requests (never their text or contact).</summary>
internal static partial class RequestLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Written request {Number} filed from conversation {ConversationId}, due {DueAt}")]
    public static partial void RequestFiled(this ILogger logger, string number, string conversationId, DateTimeOffset dueAt);
}
