namespace Assistant.Dialogs.Rating;

/// <summary>A citizen's 1–5 rating of a conversation, with what it rates: the life situation, the articles and the operator.</summary>
public sealed record ConversationRating
{
    public required string ConversationId { get; init; }

    public required string Channel { get; init; }

    public string? LifeSituation { get; init; }

    public IReadOnlyList<string> ArticleIds { get; init; } = [];

    public string? OperatorId { get; init; }

    public required int Score { get; init; }

    /// <summary>The optional comment sent after the score (masked).</summary>
    public string? Comment { get; init; }

    public DateTimeOffset RatedAt { get; init; }
}
