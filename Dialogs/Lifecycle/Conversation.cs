using System.Text.Json.Serialization;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Lifecycle;

/// <summary>The state of one conversation between a person and the service, saved after every turn.</summary>
public sealed record Conversation
{
    public required string Id { get; init; }

    public required ConversationKey Key { get; init; }

    public ConversationState State { get; init; } = ConversationState.New;

    /// <summary>citizen / business / medic when known; narrows the KB search.</summary>
    public string? Segment { get; init; }

    /// <summary>The life situation of the last article answered with or routed on.</summary>
    public string? LifeSituation { get; init; }

    public string? LastArticleId { get; init; }

    /// <summary>The last question the bot searched the KB for (masked): what goes to the moderators when it was not answered well.</summary>
    public string? LastQuestion { get; init; }

    /// <summary>
    /// The question (masked; with the earlier ones it continued, latest words kept) that led to the last answer: the context the
    /// next messages are read with. Null when there is none.
    /// </summary>
    public string? ContextQuestion { get; init; }

    /// <summary>
    /// The article the context question was answered with; null when the bot asked which article was meant instead (or in a
    /// conversation saved before this field, which then falls back on <see cref="LastArticleId"/>).
    /// </summary>
    public string? ContextArticleId { get; init; }

    /// <summary>The life situation of the context: the answered article's, or the likeliest one of a «Возможно, вы имели в виду» list.</summary>
    public string? ContextLifeSituation { get; init; }

    /// <summary>When the context was set; it lasts Dialogs:Context:Lifetime.</summary>
    public DateTimeOffset? ContextAt { get; init; }

    /// <summary>The citizen's questions since the context was set; it lasts Dialogs:Context:Turns of them.</summary>
    public int ContextTurns { get; init; }

    /// <summary>Rude messages in this conversation: from the second one on, the bot offers a person.</summary>
    public int AbuseCount { get; init; }

    /// <summary>The articles of the last «Возможно, вы имели в виду» list.</summary>
    public IReadOnlyList<string> ClarifyArticleIds { get; init; } = [];

    /// <summary>How many times in a row that same list was shown with none of it chosen (1 for a list shown once).</summary>
    public int ClarifyShownInARow { get; init; }

    /// <summary>KB articles already shown, in order; the operator sees them.</summary>
    public IReadOnlyList<string> ShownArticleIds { get; init; } = [];

    /// <summary>The kind of the last message the bot or an operator sent; a short follow-up right after an answer keeps its context.</summary>
    public MessageKind? LastReplyKind { get; init; }

    public int ConsecutiveFallbacks { get; init; }

    /// <summary>
    /// The channel message id of the last turn saved, stored with the state itself: a host that dies after saving a turn but
    /// before marking its message processed leaves this behind, so the channel's retry is recognised (DeduplicationMiddleware).
    /// </summary>
    public string? LastMessageId { get; init; }

    /// <summary>Bot → operator is the first transfer, operator → another group the second.</summary>
    public int Transfers { get; init; }

    /// <summary>The skill group whose queue holds (or held) the conversation.</summary>
    public string? HandoffGroup { get; init; }

    public string? OperatorId { get; init; }

    /// <summary>The person's personal manager, when routing reserved this conversation for them (see PersonalManagerRouting).</summary>
    public string? PersonalManagerId { get; init; }

    /// <summary>Flags operators set (e.g. «инвалидность»); carried from the person's record into each new handover.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>How many times the bot said it had no answer in this conversation.</summary>
    public int FallbackCount { get; init; }

    /// <summary>When the conversation first reached the operators' queue (null: the bot handled it alone).</summary>
    public DateTimeOffset? FirstQueuedAt { get; init; }

    /// <summary>When an operator first took it.</summary>
    public DateTimeOffset? FirstAcceptedAt { get; init; }

    /// <summary>When an operator first wrote to the citizen.</summary>
    public DateTimeOffset? FirstResponseAt { get; init; }

    /// <summary>With an operator: when the citizen's first message since the operator last wrote came; null when answered.</summary>
    public DateTimeOffset? CitizenUnansweredSince { get; init; }

    /// <summary>When the conversation last entered a queue.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>When the rating was asked; it is asked at most once.</summary>
    public DateTimeOffset? RatingAskedAt { get; init; }

    [JsonIgnore]
    public bool RatingAsked => RatingAskedAt is not null;

    /// <summary>The (masked) text of a written request while its contact is collected.</summary>
    public string? PendingRequestText { get; init; }

    /// <summary>The number of the written request filed in this conversation, if any: the citizen is asked to rate it too.</summary>
    public string? RequestNumber { get; init; }

    /// <summary>Optimistic concurrency: the number of times the conversation was saved.</summary>
    public long Version { get; init; }

    /// <summary>0 for a person's first conversation in a channel, then 1, 2…: successive conversations keep an order.</summary>
    public int Ordinal { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The last thing the citizen or the operator did; inactivity is measured from it.</summary>
    public DateTimeOffset LastActivityAt { get; init; }

    /// <summary>A new conversation for <paramref name="key"/>, not yet saved.</summary>
    public static Conversation Start(ConversationKey key, DateTimeOffset now, string? segment = null) => new()
    {
        Id = Guid.CreateVersion7(now).ToString("N"),
        Key = key,
        Segment = segment,
        CreatedAt = now,
        UpdatedAt = now,
        LastActivityAt = now,
    };
}
