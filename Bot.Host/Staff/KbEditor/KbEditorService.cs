using System.Text.Json;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>The outcome of a save: the errors that kept it from being saved (with positions), or the warnings it was saved with.</summary>
public sealed record KbSaveResult(bool Saved, IReadOnlyList<KbError> Errors, IReadOnlyList<string> Warnings);

/// <summary>
/// The moderators' KB editor: save an article (validated with the whole KB, searchable at once), its version history in the
/// staff database with a diff and rollback, import and export of the KB format. Every change is audited.
/// </summary>
public sealed class KbEditorService(KnowledgeService knowledge, IDbContextFactory<StaffDbContext> contexts, AuditLog audit, ArticleHistory history, TimeProvider time)
{
    public async Task<KbSaveResult> SaveAsync(string moderator, Article article, CancellationToken cancellationToken)
    {
        var before = knowledge.FindArticle(article.Id);
        var result = await knowledge.SaveArticleAsync(article, time.GetUtcNow(), cancellationToken);
        if (!result.IsValid)
        {
            return new KbSaveResult(false, result.Errors, []);
        }

        var saved = result.KnowledgeBase!.Articles.Single(a => a.Id == article.Id);
        await history.RecordAsync(before, saved, moderator, cancellationToken);

        await audit.WriteAsync(moderator, before is null ? "kb-article-created" : "kb-article-saved", details: $"{article.Id} v{saved.Version}", cancellationToken: CancellationToken.None);
        return new KbSaveResult(true, [], ArticleLint.Check(saved, result.KnowledgeBase.Articles, await Accounts.StaffGroups.StaffedAsync(contexts, cancellationToken)));
    }

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

    /// <summary>Saves an earlier version's content as the newest version.</summary>
    public async Task<KbSaveResult> RollbackAsync(string moderator, long versionId, CancellationToken cancellationToken)
    {
        var version = await history.FindAsync(versionId, cancellationToken);
        if (version is null)
        {
            return new KbSaveResult(false, [new KbError("история", "версия", "Такой версии нет.")], []);
        }

        var result = await SaveAsync(moderator, Read(version), cancellationToken);
        if (result.Saved)
        {
            await audit.WriteAsync(moderator, "kb-article-rollback", details: $"{version.ArticleId} to v{version.Version}", cancellationToken: CancellationToken.None);
        }

        return result;
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
