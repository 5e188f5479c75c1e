using System.Text.Json;
using Assistant.Knowledge.Model;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// The articles' version history in the staff database: every change made in the console, from the editor and from the inbox's
/// «Прикрепить» alike, so each can be compared and rolled back. The state before an article's first change is kept as «импорт».
/// A published article's pending draft («Сохранить черновик») is kept here too, unnumbered until it is published.
/// </summary>
public sealed class ArticleHistory(IDbContextFactory<StaffDbContext> contexts, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync(Article? before, Article saved, string author, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (before is not null && !await db.Set<ArticleVersion>().AnyAsync(v => v.ArticleId == saved.Id, cancellationToken))
        {
            db.Add(Version(before, "импорт"));
        }

        db.Add(Version(saved, author));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Phrasings added to the published article (the inbox's «Прикрепить», the questions API): a new version in the history, and
    /// the same phrasings in its pending draft, so publishing the draft does not drop them. A draft that was saved over the
    /// version before stays current; one saved over an older version stays marked as such for the editor.
    /// </summary>
    public async Task RecordPhrasingsAsync(Article before, Article after, IReadOnlyList<string> added, string author, CancellationToken cancellationToken)
    {
        await RecordAsync(before, after, author, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Set<ArticleDraft>().SingleOrDefaultAsync(d => d.ArticleId == after.Id, cancellationToken);
        if (draft is null)
        {
            return;
        }

        var article = JsonSerializer.Deserialize<Article>(draft.Json, Json)!;
        var has = article.Questions.Select(Inbox.InboxPhrasing.Key).ToHashSet(StringComparer.Ordinal);
        var missing = added.Where(q => has.Add(Inbox.InboxPhrasing.Key(q))).ToList();
        draft.Json = JsonSerializer.Serialize(article with { Questions = [.. article.Questions, .. missing] }, Json);
        if (draft.BaseVersion == before.Version)
        {
            draft.BaseVersion = after.Version;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArticleVersion>> ListAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ArticleVersion>().AsNoTracking().Where(v => v.ArticleId == articleId).OrderByDescending(v => v.Id).ToListAsync(cancellationToken);
    }

    public async Task<ArticleVersion?> FindAsync(long versionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ArticleVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
    }

    public static Article Read(ArticleVersion version) => JsonSerializer.Deserialize<Article>(version.Json, Json)!;

    /// <summary>
    /// What each version changed from the one before it (<paramref name="newestFirst"/> as <see cref="ListAsync"/> gives them), by
    /// version id: «формулировки: +2», «ответ», «статус: опубликована»; the oldest is «исходная версия».
    /// </summary>
    public static IReadOnlyDictionary<long, string> Changes(IReadOnlyList<ArticleVersion> newestFirst)
    {
        var changes = new Dictionary<long, string>();
        for (var i = 0; i < newestFirst.Count; i++)
        {
            changes[newestFirst[i].Id] = i + 1 < newestFirst.Count
                ? ArticleDiff.Summary(Read(newestFirst[i + 1]), Read(newestFirst[i]))
                : newestFirst[i].Author == "импорт" ? "исходная версия" : "статья создана";
        }

        return changes;
    }

    /// <summary>A published article's pending draft, or null.</summary>
    public async Task<(ArticleDraft Draft, Article Article)?> FindDraftAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Set<ArticleDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.ArticleId == articleId, cancellationToken);
        return draft is null ? null : (draft, JsonSerializer.Deserialize<Article>(draft.Json, Json)!);
    }

    /// <summary>Keeps <paramref name="article"/> as the pending draft of the published version <paramref name="baseVersion"/>, replacing an earlier one.</summary>
    public async Task SaveDraftAsync(Article article, int baseVersion, string author, CancellationToken cancellationToken)
    {
        try
        {
            await WriteDraftAsync(article, baseVersion, author, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another moderator saved the article's first draft at the same moment: this one replaces it, as a later save does.
            await WriteDraftAsync(article, baseVersion, author, cancellationToken);
        }
    }

    private async Task WriteDraftAsync(Article article, int baseVersion, string author, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Set<ArticleDraft>().SingleOrDefaultAsync(d => d.ArticleId == article.Id, cancellationToken);
        if (draft is null)
        {
            draft = new ArticleDraft { ArticleId = article.Id, Author = author, Json = "" };
            db.Add(draft);
        }

        draft.BaseVersion = baseVersion;
        draft.Author = author;
        draft.SavedAt = time.GetUtcNow();
        draft.Json = JsonSerializer.Serialize(article, Json);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Removes the pending draft that was saved at <paramref name="savedAt"/>, the one just published; a draft saved since (by
    /// another moderator) stays, and so does any draft when <paramref name="savedAt"/> is null. True when one was removed.
    /// </summary>
    public async Task<bool> DeletePublishedDraftAsync(string articleId, DateTimeOffset? savedAt, CancellationToken cancellationToken)
    {
        if (savedAt is null)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draft = await db.Set<ArticleDraft>().SingleOrDefaultAsync(d => d.ArticleId == articleId, cancellationToken);
        if (draft is null || draft.SavedAt != savedAt)
        {
            return false;
        }

        db.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes an article's pending draft; false when it had none.</summary>
    public async Task<bool> DeleteDraftAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<ArticleDraft>().Where(d => d.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private ArticleVersion Version(Article article, string author) => new()
    {
        ArticleId = article.Id,
        Version = article.Version,
        SavedAt = time.GetUtcNow(),
        Author = author,
        Json = JsonSerializer.Serialize(article, Json),
    };
}
