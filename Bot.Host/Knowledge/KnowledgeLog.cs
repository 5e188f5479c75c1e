namespace Assistant.Bot.Host.Knowledge;

internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Knowledge base loaded: {QuestionCount} indexed questions and titles")]
    public static partial void KnowledgeLoaded(this ILogger logger, int questionCount);
}
