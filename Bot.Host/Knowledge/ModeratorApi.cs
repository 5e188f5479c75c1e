using Assistant.Knowledge.Retrieval;
using Assistant.Bot.Host.Staff.Accounts;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>Moderators' KB edits over HTTP: adding a curated phrasing to an article takes effect for the next message.</summary>
public static class ModeratorApi
{
    public static IEndpointRouteBuilder MapModeratorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kb").WithTags(StaffRoles.Moderators).RequireAuthorization(StaffRoles.Moderators);
        group.MapPost("/articles/{id}/questions", AddQuestionAsync)
             .WithSummary("Add a curated question (e.g. from the unanswered list) to an article; searchable at once, no restart.");
        return app;
    }

    public static async Task<IResult> AddQuestionAsync(string id, AddQuestionBody body, System.Security.Claims.ClaimsPrincipal user, KnowledgeService knowledge,
        Staff.KbEditor.ArticleHistory history, Staff.Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > Assistant.Knowledge.Import.KbValidator.MaxQuestionLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "text is required",
                detail: $"A question is 1 to {Assistant.Knowledge.Import.KbValidator.MaxQuestionLength} characters.");
        }

        if (knowledge.FindArticle(id) is not { } before || !await knowledge.AddQuestionAsync(id, body.Text, cancellationToken)
            || knowledge.FindArticle(id) is not { } after)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No article '{id}'.");
        }

        // A change of the KB like any other: in the article's history (and its pending draft) and in the audit log.
        var question = body.Text.Trim();
        await history.RecordPhrasingsAsync(before, after, [question], user.Login(), CancellationToken.None);
        await audit.WriteAsync(user.Login(), "kb-question-added", details: $"{id} v{after.Version}", cancellationToken: CancellationToken.None);
        return TypedResults.Ok(new { articleId = id, question });
    }
}

public sealed record AddQuestionBody(string? Text);
