using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Handoff;

/// <summary>Log events of handoff and the operator desk.</summary>
internal static partial class HandoffLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Conversation {ConversationId} queued for group {Group} ({Reason}), transfer {Transfers}")]
    public static partial void HandedOver(this ILogger logger, string conversationId, string group, string reason, int transfers);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "No operator for conversation {ConversationId} in group {Group} ({Why}); written request offered")]
    public static partial void OperatorsUnavailable(this ILogger logger, string conversationId, string group, string why);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Operator {OperatorId} accepted conversation {ConversationId}")]
    public static partial void Accepted(this ILogger logger, string operatorId, string conversationId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Operator {OperatorId} transferred conversation {ConversationId} to group {Group}, transfer {Transfers}")]
    public static partial void Transferred(this ILogger logger, string operatorId, string conversationId, string group, int transfers);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Transfer of conversation {ConversationId} by operator {OperatorId} refused: {Transfers} transfers already")]
    public static partial void TransferRefused(this ILogger logger, string operatorId, string conversationId, int transfers);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Operator desk: {Action} on conversation {ConversationId} by {OperatorId} refused ({Error})")]
    public static partial void DeskRefused(this ILogger logger, string action, string conversationId, string operatorId, string error);
}
