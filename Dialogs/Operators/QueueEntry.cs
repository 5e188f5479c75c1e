using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Operators;

/// <summary>A conversation waiting in a group's queue, with everything the operator needs without asking the citizen again.</summary>
public sealed record QueueEntry
{
    public required string ConversationId { get; init; }

    public required string Channel { get; init; }

    public required string Group { get; init; }

    public ConversationState State { get; init; }

    /// <summary>citizen / business / medic when known.</summary>
    public string? Segment { get; init; }

    /// <summary>The operator answering now, if any.</summary>
    public string? OperatorId { get; init; }

    /// <summary>The person's personal manager this conversation is reserved for, if any.</summary>
    public string? PersonalManagerId { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>The life situation detected from the articles shown or routed on.</summary>
    public string? LifeSituation { get; init; }

    public IReadOnlyList<ShownArticle> ShownArticles { get; init; } = [];

    public int Transfers { get; init; }

    /// <summary>How many more transfers the conversation allows (the programme's limit is two per question).</summary>
    public int TransfersLeft { get; init; }

    public DateTimeOffset WaitingSince { get; init; }

    /// <summary>With an operator: since when a message of the citizen's waits for the operator's reply; null when none does.</summary>
    public DateTimeOffset? CitizenUnansweredSince { get; init; }

    /// <summary>The citizen's first message (masked): what the conversation is about.</summary>
    public string? Topic { get; init; }

    /// <summary>The whole transcript; the citizen's messages are masked. Empty in summaries (the console's queue list).</summary>
    public IReadOnlyList<TranscriptEntry> Transcript { get; init; } = [];
}
