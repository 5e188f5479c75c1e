using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Answering;

/// <summary>Log events of answering from the KB.</summary>
internal static partial class AnswerLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Conversation {ConversationId}: {Decision} ({ArticleIds}); {Reason}")]
    public static partial void Decided(this ILogger logger, string conversationId, string decision, string articleIds, string reason);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Conversation {ConversationId}: follow-up answered within life situation {LifeSituation}")]
    public static partial void FollowUpAnswered(this ILogger logger, string conversationId, string lifeSituation);
}
