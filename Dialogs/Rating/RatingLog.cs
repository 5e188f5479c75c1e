using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Rating;

/// <summary>Log events of closing and rating.</summary>
internal static partial class RatingLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Conversation {ConversationId} closed by {Reason}")]
    public static partial void ConversationClosed(this ILogger logger, string conversationId, string reason);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Conversation {ConversationId} rated {Score}")]
    public static partial void RatingStored(this ILogger logger, string conversationId, int score);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Comment stored for the rating of conversation {ConversationId}")]
    public static partial void CommentStored(this ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Rating for conversation {ConversationId} arrived after the window and was ignored")]
    public static partial void LateRatingIgnored(this ILogger logger, string conversationId);
}
