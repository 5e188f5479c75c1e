namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>A saved state of an article (its JSON), who saved it and when: the editor's history, diff and rollback.</summary>
public sealed class ArticleVersion
{
    public long Id { get; set; }

    public required string ArticleId { get; set; }

    public int Version { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public required string Author { get; set; }

    public required string Json { get; set; }
}
