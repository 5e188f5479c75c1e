using System.Text.Json;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>The outcome of a save: the errors that kept it from being saved (with positions), or the warnings it was saved with.</summary>
public sealed record KbSaveResult(bool Saved, IReadOnlyList<KbError> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>A rollback: the inbox questions that went back to the inbox because the article no longer has their phrasings.</summary>
    public int Reopened { get; init; }

    /// <summary>Refused because the article was changed by someone else since the form was opened (nothing was saved).</summary>
    public bool Conflict { get; init; }
}

/// <summary>
/// The moderators' KB editor: save an article (validated with the whole KB, searchable at once), its version history in the
/// staff database with a diff and rollback, import and export of the KB format. Every change is audited.
/// </summary>
public sealed class KbEditorService(KnowledgeService knowledge, IDbContextFactory<StaffDbContext> contexts, AuditLog audit, ArticleHistory history,
    Inbox.UnansweredInbox inbox, TimeProvider time)
{
    /// <summary>
    /// Stores the article as given (its status included): validated with the whole KB, searchable at once, a new version in its
    /// history. <paramref name="newSituation"/> is a life situation created with it; otherwise its situation must exist.
    /// </summary>
    /// <param name="expectedVersion">The stored version the form was opened on (0 for a new article): a save over a newer one is refused.</param>
    public async Task<KbSaveResult> SaveAsync(string moderator, Article article, CancellationToken cancellationToken, LifeSituation? newSituation = null, string? action = null,
        int? expectedVersion = null)
    {
        var before = knowledge.FindArticle(article.Id);
        var result = await knowledge.SaveArticleAsync(article, time.GetUtcNow(), cancellationToken, newSituation, expectedVersion);
        if (!result.IsValid)
        {
            return new KbSaveResult(false, result.Errors, []) { Conflict = result.Conflict };
        }

        // Saved and live: from here on nothing may be left out of the history or the audit because the caller stopped waiting.
        var saved = result.KnowledgeBase!.Articles.Single(a => a.Id == article.Id);
        await history.RecordAsync(before, saved, moderator, CancellationToken.None);
        if (newSituation is not null)
        {
            await audit.WriteAsync(moderator, "kb-situation-saved", details: newSituation.Id.Trim(), cancellationToken: CancellationToken.None);
        }

        await audit.WriteAsync(moderator, action ?? (before is null ? "kb-article-created" : "kb-article-saved"), details: $"{article.Id} v{saved.Version}", cancellationToken: CancellationToken.None);
        return new KbSaveResult(true, [], await LintAsync(saved, result.KnowledgeBase.Articles, cancellationToken));
    }

    /// <summary>
    /// «Сохранить черновик». An article citizens are answered with keeps answering: the form is kept as its pending draft
    /// (validated as if published, not numbered until it is). Any other article is stored as a draft, a new version the bot does not use.
    /// </summary>
    public async Task<KbSaveResult> SaveDraftAsync(string moderator, Article article, LifeSituation? newSituation, CancellationToken cancellationToken,
        int? expectedVersion = null)
    {
        if (knowledge.FindArticle(article.Id) is not { Status: ArticleStatus.Published } live)
        {
            var stored = await SaveAsync(moderator, article with { Status = ArticleStatus.Draft }, cancellationToken, newSituation, expectedVersion: expectedVersion);
            if (stored.Saved)
            {
                await history.DeleteDraftAsync(article.Id, cancellationToken);
            }

            return stored;
        }

        if (expectedVersion is { } expected && live.Version != expected)
        {
            return Changed(live.Version, expected);
        }

        var candidate = KnowledgeService.WithArticle(await knowledge.ExportAsync(cancellationToken), article with { Status = ArticleStatus.Published }, newSituation);
        if (!candidate.IsValid)
        {
            return new KbSaveResult(false, candidate.Errors, []);
        }

        if (newSituation is not null)
        {
            // The situation the draft is filed under exists from now on (empty until the draft is published).
            var created = await SaveLifeSituationAsync(moderator, newSituation.Id, newSituation.Title, cancellationToken);
            if (!created.Saved)
            {
                return created;
            }
        }

        await history.SaveDraftAsync(article with { Status = ArticleStatus.Draft, Version = live.Version }, live.Version, moderator, cancellationToken);
        await audit.WriteAsync(moderator, "kb-draft-saved", details: $"{article.Id} over v{live.Version}", cancellationToken: CancellationToken.None);
        return new KbSaveResult(true, [], await LintAsync(article, candidate.KnowledgeBase!.Articles, cancellationToken));
    }

    /// <summary>
    /// «Опубликовать»: the form becomes the article's next version and the bot answers with it at once. The pending draft the
    /// form was filled from (saved at <paramref name="fromDraftSavedAt"/>) is used up; a draft saved by someone since stays.
    /// </summary>
    public async Task<KbSaveResult> PublishAsync(string moderator, Article article, LifeSituation? newSituation, DateTimeOffset? fromDraftSavedAt,
        CancellationToken cancellationToken, int? expectedVersion = null)
    {
        var result = await SaveAsync(moderator, article with { Status = ArticleStatus.Published }, cancellationToken, newSituation,
            knowledge.FindArticle(article.Id) is null ? null : "kb-article-published", expectedVersion);
        if (result.Saved)
        {
            await history.DeletePublishedDraftAsync(article.Id, fromDraftSavedAt, CancellationToken.None);
        }

        return result;
    }

    /// <summary>
    /// «Снять с публикации»: the article becomes a draft (a new version) and the bot stops answering with it. Its text is the
    /// published one, or the pending draft's when there is one: a draft article has no separate pending draft, and the
    /// moderator's unpublished work is not dropped.
    /// </summary>
    public async Task<KbSaveResult> UnpublishAsync(string moderator, string articleId, CancellationToken cancellationToken)
    {
        if (knowledge.FindArticle(articleId) is not { Status: ArticleStatus.Published } live)
        {
            return new KbSaveResult(false, [new KbError("articles", "status", "статья не опубликована")], []);
        }

        var pending = await history.FindDraftAsync(articleId, cancellationToken);
        var result = await SaveAsync(moderator, (pending?.Article ?? live) with { Status = ArticleStatus.Draft }, cancellationToken, action: "kb-article-unpublished");
        if (result.Saved && pending is not null)
        {
            await history.DeleteDraftAsync(articleId, CancellationToken.None);
        }

        return result;
    }

    /// <summary>«Удалить черновик»: the pending draft is dropped; the published version stays as it is.</summary>
    private static KbSaveResult Changed(int now, int expected) =>
        new(false, KbValidationResult.Changed(now, expected).Errors, []) { Conflict = true };

    public async Task<bool> DiscardDraftAsync(string moderator, string articleId, CancellationToken cancellationToken)
    {
        if (!await history.DeleteDraftAsync(articleId, cancellationToken))
        {
            return false;
        }

        await audit.WriteAsync(moderator, "kb-draft-discarded", details: articleId, cancellationToken: CancellationToken.None);
        return true;
    }

    public Task<(ArticleDraft Draft, Article Article)?> DraftAsync(string articleId, CancellationToken cancellationToken) =>
        history.FindDraftAsync(articleId, cancellationToken);

    private async Task<IReadOnlyList<string>> LintAsync(Article article, IReadOnlyList<Article> all, CancellationToken cancellationToken) =>
        ArticleLint.Check(article, all, await Accounts.StaffGroups.StaffedAsync(contexts, cancellationToken));

    public async Task<KbSaveResult> SaveLifeSituationAsync(string moderator, string id, string title, CancellationToken cancellationToken)
    {
        var result = await knowledge.SaveLifeSituationAsync(id, title, cancellationToken);
        if (!result.IsValid)
        {
            return new KbSaveResult(false, result.Errors, []);
        }

        await audit.WriteAsync(moderator, "kb-situation-saved", details: id.Trim(), cancellationToken: CancellationToken.None);
        return new KbSaveResult(true, [], []);
    }

    public Task<IReadOnlyList<ArticleVersion>> HistoryAsync(string articleId, CancellationToken cancellationToken) =>
        history.ListAsync(articleId, cancellationToken);

    public static Article Read(ArticleVersion version) => ArticleHistory.Read(version);

    /// <summary>
    /// Saves an earlier version's content as the newest version. Inbox questions attached since, whose phrasings the article
    /// loses with it, go back to the inbox (<see cref="KbSaveResult.Reopened"/> says how many).
    /// </summary>
    public async Task<KbSaveResult> RollbackAsync(string moderator, long versionId, CancellationToken cancellationToken)
    {
        var version = await history.FindAsync(versionId, cancellationToken);
        if (version is null)
        {
            return new KbSaveResult(false, [new KbError("история", "версия", "Такой версии нет.")], []);
        }

        var before = knowledge.FindArticle(version.ArticleId);
        var result = await SaveAsync(moderator, Read(version), cancellationToken);
        if (!result.Saved)
        {
            return result;
        }

        var reopened = before is null ? 0 : await inbox.ReopenUndoneAsync(before, knowledge.FindArticle(version.ArticleId)!, CancellationToken.None);
        await audit.WriteAsync(moderator, "kb-article-rollback", details: $"{version.ArticleId} to v{version.Version}"
            + (reopened > 0 ? $", {reopened} questions back to the inbox" : ""), cancellationToken: CancellationToken.None);
        return result with { Reopened = reopened };
    }

    /// <summary>The largest KB file the console and the API take (the seed KB is under 1 MB; 20 MB is tens of thousands of articles).</summary>
    public const long MaxImportBytes = 20 * 1024 * 1024;

    /// <summary>
    /// A KB file's text, read strictly as UTF-8 (a byte order mark may say UTF-16): a file saved in another encoding, such as
    /// Windows-1251 from a spreadsheet program, is refused rather than imported as «����».
    /// </summary>
    public static async Task<(string? Text, KbError? Error)> ReadFileAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return (await reader.ReadToEndAsync(cancellationToken), null);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return (null, new KbError(fileName, "файл", "Файл не в кодировке UTF-8. Сохраните его как UTF-8 (в Excel: «CSV UTF-8») и загрузите снова."));
        }
    }

    /// <summary>Replaces the whole KB from a file in the KB format; a file with any error changes nothing and every error is returned.</summary>
    public async Task<KbSaveResult> ImportAsync(string moderator, string fileName, string text, CancellationToken cancellationToken)
    {
        KbValidationResult parsed;
        try
        {
            parsed = KbFile.Parse(fileName, text);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            return new KbSaveResult(false, [new KbError(fileName, "файл", "Формат по расширению: .json, .csv или .tsv.")], []);
        }

        if (!parsed.IsValid)
        {
            return new KbSaveResult(false, parsed.Errors, []);
        }

        var imported = await knowledge.ImportAsync(parsed.KnowledgeBase!, cancellationToken);
        if (!imported.IsValid)
        {
            return new KbSaveResult(false, imported.Errors, []);
        }

        await audit.WriteAsync(moderator, "kb-imported", details: $"{fileName}: {imported.KnowledgeBase!.Articles.Count} articles", cancellationToken: CancellationToken.None);
        return new KbSaveResult(true, [], []);
    }

}
