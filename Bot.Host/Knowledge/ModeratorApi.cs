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

    public static async Task<IResult> AddQuestionAsync(string id, AddQuestionBody body, System.Security.Claims.ClaimsPrincipal user,
        Staff.KbEditor.CuratedQuestion curated, CancellationToken cancellationToken) =>
        await curated.AddAsync(user.Login(), id, body.Text, cancellationToken) switch
        {
            Staff.KbEditor.CuratedQuestionOutcome.Invalid => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "text is required",
                detail: $"A question is 1 to {Assistant.Knowledge.Import.KbValidator.MaxQuestionLength} characters."),
            Staff.KbEditor.CuratedQuestionOutcome.NoArticle => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No article '{id}'."),
            _ => TypedResults.Ok(new { articleId = id, question = body.Text!.Trim() }),
        };
}

public sealed record AddQuestionBody(string? Text);
