using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Answering;

/// <summary>Log events of answering from the KB.</summary>
internal static partial class AnswerLog
{
    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Conversation {ConversationId}: {Decision} ({ArticleIds}); {Reason}")]
    public static partial void Decided(this ILogger logger, string conversationId, string decision, string articleIds, string reason);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Conversation {ConversationId}: read as a follow-up of the previous answer ({ArticleId})")]
    public static partial void FollowedUp(this ILogger logger, string conversationId, string? articleId);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Conversation {ConversationId}: the question was asked again after the answer {ArticleId}; treated as «не помогло»")]
    public static partial void AskedAgain(this ILogger logger, string conversationId, string articleId);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Conversation {ConversationId}: small talk ({Kind})")]
    public static partial void SmallTalk(this ILogger logger, string conversationId, string kind);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Information, Message = "Conversation {ConversationId}: the message describes danger now ({Urgency}); the emergency numbers were said first")]
    public static partial void UrgentNoticeSaid(this ILogger logger, string conversationId, string urgency);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Information, Message = "Conversation {ConversationId}: the same articles were offered twice in a row and none was chosen; «нет ответа» instead of a third list")]
    public static partial void ListRepeated(this ILogger logger, string conversationId);
}
