namespace Assistant.Dialogs.Learning;

/// <summary>A question the bot did not answer well, kept masked for the moderators' inbox.</summary>
public sealed record UnansweredMessage
{
    public long Id { get; init; }

    public required string ConversationId { get; init; }

    public required string Channel { get; init; }

    public string? Segment { get; init; }

    public DateTimeOffset At { get; init; }

    public UnansweredKind Kind { get; init; }

    /// <summary>The citizen's question with personal data masked.</summary>
    public required string Text { get; init; }

    /// <summary>The articles the bot had in mind (offered, shown or ranked first).</summary>
    public IReadOnlyList<string> CandidateArticleIds { get; init; } = [];

    /// <summary>The article involved: the one that did not help or was rated low, or the one the operator answered with.</summary>
    public string? ArticleId { get; init; }

    public UnansweredStatus Status { get; init; } = UnansweredStatus.Open;

    /// <summary>Where a moderator attached it.</summary>
    public string? ResolvedArticleId { get; init; }
}
