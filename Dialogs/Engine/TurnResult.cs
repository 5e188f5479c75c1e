using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Engine;

/// <summary>The result of one turn: what became of the activity, the conversation after it and the messages delivered.</summary>
/// <param name="RecordedSequence">Where the citizen's own message landed in the transcript, when it was recorded.</param>
/// <param name="ConversationOrdinal">The conversation's <see cref="Conversation.Ordinal"/>.</param>
public sealed record TurnResult(
    TurnOutcome Outcome,
    string? ConversationId,
    ConversationState? State,
    IReadOnlyList<OutgoingMessage> Replies,
    long? RecordedSequence = null,
    int ConversationOrdinal = 0);
