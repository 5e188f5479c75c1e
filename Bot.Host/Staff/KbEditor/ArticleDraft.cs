namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// A published article's pending draft: changes saved with «Сохранить черновик» while the published version keeps answering.
/// At most one per article; «Опубликовать» makes it the next version and removes it. <see cref="BaseVersion"/> is the
/// published version it was saved over.
/// </summary>
public sealed class ArticleDraft
{
    public required string ArticleId { get; set; }

    public int BaseVersion { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public required string Author { get; set; }

    public required string Json { get; set; }
}
