namespace Assistant.Dialogs.Lifecycle;

// The whole lifecycle of a conversation is in this file: its states, what can happen, and where each event leads.
// Behaviour (what the bot says) lives in the flows; they change state only through Fire, so a move that is not in
// the table below is a bug and throws.

/// <summary>Where a conversation stands.</summary>
public enum ConversationState
{
    /// <summary>Created by the first activity; nothing said yet.</summary>
    New,

    /// <summary>The bot answers from the KB.</summary>
    BotAnswering,

    /// <summary>A written request is being filed: waiting for its text.</summary>
    CollectingRequestText,

    /// <summary>A written request is being filed: waiting for an e-mail or a phone number to answer to.</summary>
    CollectingRequestContact,

    /// <summary>In the queue of a skill group (HandoffGroup), no operator yet.</summary>
    WaitingForOperator,

    /// <summary>An operator (OperatorId) owns the conversation.</summary>
    WithOperator,

    /// <summary>Closed by the citizen, the operator or inactivity; the rating is asked next.</summary>
    Closed,

    /// <summary>The 1–5 rating was asked once.</summary>
    AwaitingRating,

    /// <summary>Rated; the next message, if any, is an optional comment.</summary>
    AwaitingComment,

    /// <summary>Finished. A new question starts a new conversation.</summary>
    Done,
}

/// <summary>What happened to a conversation.</summary>
public enum ConversationTrigger
{
    Started,
    HandedOver,
    RequestStarted,
    RequestTextGiven,
    RequestFiled,
    RequestCancelled,
    OperatorAccepted,
    Transferred,
    Closed,
    RatingAsked,
    RatingSkipped,
    Rated,
    Commented,
    RatingDeclined,
    Expired,
}

/// <summary>The transition table of the conversation lifecycle.</summary>
public static class ConversationStateMachine
{
    private static readonly Dictionary<(ConversationState From, ConversationTrigger Trigger), ConversationState> Table = Build(
    [
        (ConversationState.New, ConversationTrigger.Started, ConversationState.BotAnswering),

        (ConversationState.BotAnswering, ConversationTrigger.HandedOver, ConversationState.WaitingForOperator),
        (ConversationState.BotAnswering, ConversationTrigger.RequestStarted, ConversationState.CollectingRequestText),

        (ConversationState.CollectingRequestText, ConversationTrigger.RequestTextGiven, ConversationState.CollectingRequestContact),
        (ConversationState.CollectingRequestText, ConversationTrigger.RequestCancelled, ConversationState.BotAnswering),
        (ConversationState.CollectingRequestContact, ConversationTrigger.RequestFiled, ConversationState.BotAnswering),
        (ConversationState.CollectingRequestContact, ConversationTrigger.RequestCancelled, ConversationState.BotAnswering),

        (ConversationState.WaitingForOperator, ConversationTrigger.OperatorAccepted, ConversationState.WithOperator),
        (ConversationState.WithOperator, ConversationTrigger.Transferred, ConversationState.WaitingForOperator),

        (ConversationState.BotAnswering, ConversationTrigger.Closed, ConversationState.Closed),
        (ConversationState.CollectingRequestText, ConversationTrigger.Closed, ConversationState.Closed),
        (ConversationState.CollectingRequestContact, ConversationTrigger.Closed, ConversationState.Closed),
        (ConversationState.WaitingForOperator, ConversationTrigger.Closed, ConversationState.Closed),
        (ConversationState.WithOperator, ConversationTrigger.Closed, ConversationState.Closed),

        (ConversationState.Closed, ConversationTrigger.RatingAsked, ConversationState.AwaitingRating),
        (ConversationState.Closed, ConversationTrigger.RatingSkipped, ConversationState.Done),

        (ConversationState.AwaitingRating, ConversationTrigger.Rated, ConversationState.AwaitingComment),
        (ConversationState.AwaitingRating, ConversationTrigger.RatingDeclined, ConversationState.Done),
        (ConversationState.AwaitingRating, ConversationTrigger.Expired, ConversationState.Done),
        (ConversationState.AwaitingComment, ConversationTrigger.Commented, ConversationState.Done),
        (ConversationState.AwaitingComment, ConversationTrigger.RatingDeclined, ConversationState.Done),
        (ConversationState.AwaitingComment, ConversationTrigger.Expired, ConversationState.Done),
    ]);

    /// <summary>States in which the conversation is open and inactivity closes it. A citizen waiting in the queue is not inactive.</summary>
    public static readonly IReadOnlyList<ConversationState> ClosableByInactivity =
    [
        ConversationState.BotAnswering,
        ConversationState.CollectingRequestText,
        ConversationState.CollectingRequestContact,
        ConversationState.WithOperator,
    ];

    /// <summary>States in which a rating (or its comment) may still arrive.</summary>
    public static readonly IReadOnlyList<ConversationState> Rating = [ConversationState.AwaitingRating, ConversationState.AwaitingComment];

    public static bool CanFire(ConversationState state, ConversationTrigger trigger) => Table.ContainsKey((state, trigger));

    /// <summary>The state after <paramref name="trigger"/>; a move the table does not hold is a bug in a flow.</summary>
    public static ConversationState Fire(ConversationState state, ConversationTrigger trigger) =>
        Table.TryGetValue((state, trigger), out var next)
            ? next
            : throw new InvalidOperationException($"The conversation lifecycle has no transition from {state} on {trigger}.");

    /// <summary>Every transition as (from, trigger, to), for documentation and tests.</summary>
    public static IEnumerable<(ConversationState From, ConversationTrigger Trigger, ConversationState To)> Transitions =>
        Table.Select(t => (t.Key.From, t.Key.Trigger, t.Value));

    private static Dictionary<(ConversationState, ConversationTrigger), ConversationState> Build(
        IEnumerable<(ConversationState From, ConversationTrigger Trigger, ConversationState To)> rows) =>
        rows.ToDictionary(r => (r.From, r.Trigger), r => r.To);
}
