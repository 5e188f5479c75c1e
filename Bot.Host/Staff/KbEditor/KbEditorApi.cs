using System.Security.Claims;
using System.Text;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>The KB editor over HTTP (moderators, admins): export, import, save an article.</summary>
public static class KbEditorApi
{
    public static IEndpointRouteBuilder MapKbEditorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kb").WithTags(StaffRoles.Moderators).RequireAuthorization(StaffRoles.Moderators);
        group.MapGet("/export", ExportAsync).WithSummary("The whole KB in the KB format: format = json (default), csv or tsv.");
        group.MapPost("/import", ImportAsync).WithSummary("Replace the whole KB from a file (multipart field «file»; .json, .csv or .tsv): all or nothing, every error with its position.")
            .DisableAntiforgery();
        group.MapPut("/articles/{id}", SaveAsync).WithSummary("Create or change one article (the KB format's article object); validated with the whole KB, searchable at once; lint warnings returned.");
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

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var result = await editor.ImportAsync(user.Login(), file.FileName, await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }

    public static async Task<IResult> SaveAsync(string id, Article article, ClaimsPrincipal user, KbEditorService editor, CancellationToken cancellationToken)
    {
        var result = await editor.SaveAsync(user.Login(), article with { Id = id }, cancellationToken);
        return result.Saved ? TypedResults.Ok(result) : TypedResults.UnprocessableEntity(result);
    }
}
