using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Engine;

/// <summary>The result of one turn: what became of the activity, the conversation after it and the messages delivered.</summary>
public sealed record TurnResult(TurnOutcome Outcome, string? ConversationId, ConversationState? State, IReadOnlyList<OutgoingMessage> Replies);
