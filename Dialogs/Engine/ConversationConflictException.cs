namespace Assistant.Dialogs.Engine;

/// <summary>
/// The conversation was saved by someone else between read and write (two hosts without a shared lock). Nothing of the turn
/// was written; the channel's redelivery processes it again.
/// </summary>
public sealed class ConversationConflictException(string conversationId)
    : Exception($"Conversation {conversationId} was changed by another turn; the turn was not saved and can be retried.")
{
    public string ConversationId { get; } = conversationId;
}
