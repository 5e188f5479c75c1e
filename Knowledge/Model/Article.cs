namespace Assistant.Knowledge.Model;

/// <summary>One curated answer and the phrasings it answers.</summary>
public sealed record Article
{
    public required string Id { get; init; }
    public required string LifeSituation { get; init; }
    public IReadOnlyList<string> Segments { get; init; } = [Segment.Citizen];
    public required string Title { get; init; }
    public required IReadOnlyList<string> Questions { get; init; }
    public required string Answer { get; init; }
    public IReadOnlyList<ArticleSource> Sources { get; init; } = [];
    public string? HandoffGroup { get; init; }
    public ArticleStatus Status { get; init; } = ArticleStatus.Published;
    public int Version { get; init; } = 1;
    public DateTimeOffset UpdatedAt { get; init; } = DateTimeOffset.UnixEpoch;
}
