using System.Security.Claims;
using System.Text;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// The KB editor over HTTP (moderators, admins): export, import, save an article; a published article's pending draft, its
/// publication, the version history and rollback, as the console's editor does them.
/// </summary>
public static class KbEditorApi
{
    public static IEndpointRouteBuilder MapKbEditorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kb").WithTags(StaffRoles.Moderators).RequireAuthorization(StaffRoles.Moderators);
        group.MapGet("/export", ExportAsync).WithSummary("The whole KB in the KB format: format = json (default), csv or tsv.");
        group.MapPost("/import", ImportAsync).WithSummary("Replace the whole KB from a file (multipart field «file»; .json, .csv or .tsv): all or nothing, every error with its position.")
            .DisableAntiforgery();
        group.MapPut("/articles/{id}", SaveAsync).WithSummary("Create or change one article (the KB format's article object); validated with the whole KB, searchable at once; lint warnings returned.");
        group.MapGet("/articles/{id}/draft", DraftAsync).WithSummary("A published article's pending draft (404 when it has none).");
        group.MapPut("/articles/{id}/draft", SaveDraftAsync).WithSummary("«Сохранить черновик»: a published article keeps answering and the body becomes its pending draft; any other article is stored as a draft.");
        group.MapDelete("/articles/{id}/draft", DiscardDraftAsync).WithSummary("«Удалить черновик»: the pending draft goes; the published version stays.");
        group.MapPost("/articles/{id}/publish", PublishAsync).WithSummary("«Опубликовать»: the pending draft, or the article stored as a draft, becomes the next version and answers at once.");
        group.MapPost("/articles/{id}/unpublish", UnpublishAsync).WithSummary("«Снять с публикации»: the published version becomes a draft; the bot stops answering with it.");
        group.MapGet("/articles/{id}/versions", VersionsAsync).WithSummary("The article's version history, newest first, each with what it changed.");
        group.MapPost("/articles/{id}/rollback", RollbackAsync).WithSummary("«Вернуть»: an earlier version's content (body {\"version\": N}) becomes the newest version; inbox questions attached since whose phrasings go with it return to the inbox.");
        return app;
    }

    public static async Task<IResult> ExportAsync(string? format, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        var kb = await knowledge.ExportAsync(cancellationToken);
        var (text, type, extension) = (format ?? "json") switch
        {
            "csv" => (KbCsvFormat.Write(kb, ','), "text/csv", "csv"),
            "tsv" => (KbCsvFormat.Write(kb, '\t'), "text/tab-separated-values", "tsv"),
            _ => (KbJsonFormat.Write(kb), "application/json", "json"),
        };
        return TypedResults.File(Encoding.UTF8.GetBytes(text), type + "; charset=utf-8", "kb." + extension);
    }

    public static async Task<IResult> ImportAsync(IFormFile? file, ClaimsPrincipal user, KbEditorService editor, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "file is required.");
        }

        if (file.Length > KbEditorService.MaxImportBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The file is too large.",
                detail: $"A KB file is at most {KbEditorService.MaxImportBytes / (1024 * 1024)} MB; this one is {file.Length / (1024 * 1024)} MB. Nothing was changed.");
        }

        await using var stream = file.OpenReadStream();
        var (text, error) = await KbEditorService.ReadFileAsync(stream, file.FileName, cancellationToken);
        if (error is not null)
        {
            return TypedResults.UnprocessableEntity(new KbSaveResult(false, [error], []));
        }

        var result = await editor.ImportAsync(user.Login(), file.FileName, text!, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public static async Task<IResult> SaveAsync(string id, Article article, ClaimsPrincipal user, KbEditorService editor, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(user.Login(), article with { Id = id }, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public static async Task<IResult> DraftAsync(string id, KbEditorService editor, CancellationToken cancellationToken) =>
        await editor.DraftAsync(id, cancellationToken) is { } pending
            ? TypedResults.Ok(new KbDraftView(pending.Draft.BaseVersion, pending.Draft.SavedAt, pending.Draft.Author, pending.Article))
            : NoArticleOrDraft(id);

    public static async Task<IResult> SaveDraftAsync(string id, Article article, ClaimsPrincipal user, KbEditorService editor, CancellationToken cancellationToken)
    {
        var result = await editor.SaveDraftAsync(user.Login(), article with { Id = id }, null, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public static async Task<IResult> DiscardDraftAsync(string id, ClaimsPrincipal user, KbEditorService editor, CancellationToken cancellationToken) =>
        await editor.DiscardDraftAsync(user.Login(), id, cancellationToken) ? TypedResults.NoContent() : NoArticleOrDraft(id);

    public static async Task<IResult> PublishAsync(string id, ClaimsPrincipal user, KbEditorService editor, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        var pending = await editor.DraftAsync(id, cancellationToken);
        var article = pending?.Article ?? knowledge.FindArticle(id);
        if (article is null)
        {
            return NoArticleOrDraft(id);
        }

        if (article.Status == ArticleStatus.Published)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Article '{id}' is published and has no pending draft.");
        }

        var result = await editor.PublishAsync(user.Login(), article, null, pending?.Draft.SavedAt, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public static async Task<IResult> UnpublishAsync(string id, ClaimsPrincipal user, KbEditorService editor, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (knowledge.FindArticle(id) is not { } article)
        {
            return NoArticleOrDraft(id);
        }

        if (article.Status != ArticleStatus.Published)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Article '{id}' is not published.");
        }

        var result = await editor.UnpublishAsync(user.Login(), id, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public static async Task<IResult> VersionsAsync(string id, KbEditorService editor, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        var versions = await editor.HistoryAsync(id, cancellationToken);
        if (versions.Count == 0 && knowledge.FindArticle(id) is null)
        {
            return NoArticleOrDraft(id);
        }

        var changes = ArticleHistory.Changes(versions);
        return TypedResults.Ok(versions.Select(v => new KbVersionView(v.Version, v.SavedAt, v.Author, changes[v.Id], KbEditorService.Read(v).Status)).ToList());
    }

    public static async Task<IResult> RollbackAsync(string id, KbRollbackBody body, ClaimsPrincipal user, KbEditorService editor, CancellationToken cancellationToken)
    {
        var version = (await editor.HistoryAsync(id, cancellationToken)).FirstOrDefault(v => v.Version == body.Version);
        if (version is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Article '{id}' has no version {body.Version} in its history.");
        }

        var result = await editor.RollbackAsync(user.Login(), version.Id, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    private static IResult NoArticleOrDraft(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No article '{id}', or it has no pending draft.");
}

/// <summary>A pending draft: the published version it was saved over, when, by whom, and the article as it would be published.</summary>
public sealed record KbDraftView(int BaseVersion, DateTimeOffset SavedAt, string Author, Article Article);

/// <summary>One row of an article's history: its number, when and by whom, what it changed («формулировки: +2»), its status.</summary>
public sealed record KbVersionView(int Version, DateTimeOffset SavedAt, string Author, string Change, ArticleStatus Status);

public sealed record KbRollbackBody(int Version);
