using System.Security.Claims;
using Assistant.Bot.Host.Staff.Accounts;

namespace Assistant.Bot.Host.Staff.Inbox;

/// <summary>The moderators' inbox over HTTP.</summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/moderation/inbox").WithTags(StaffRoles.Moderators).RequireAuthorization(StaffRoles.Moderators);
        group.MapGet("/", GroupsAsync).WithSummary("Open unanswered questions grouped by what they ask, biggest first, with suggested articles.");
        group.MapPost("/attach", AttachAsync).WithSummary("Attach the chosen questions' phrasings to an article (live at once).");
        group.MapGet("/suggestions", SuggestionsAsync).WithSummary("Citizens' choices from clarify lists: phrasing → article, for approval.");
        group.MapPost("/dismiss", DismissAsync).WithSummary("«Не относится к нам»: close the chosen questions without changing the KB.");
        return app;
    }

    public static async Task<IResult> GroupsAsync(UnansweredInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.GroupsAsync(cancellationToken));

    public static async Task<IResult> SuggestionsAsync(UnansweredInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inbox.SuggestionsAsync(cancellationToken));

    public static async Task<IResult> AttachAsync(InboxAttachBody body, ClaimsPrincipal user, UnansweredInbox inbox, CancellationToken cancellationToken) =>
        body.MessageIds is not { Count: > 0 } || string.IsNullOrWhiteSpace(body.ArticleId)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "messageIds and articleId are required.")
            : ToResult(await inbox.AttachAsync(user.Login(), body.MessageIds, body.ArticleId, cancellationToken));

    public static async Task<IResult> DismissAsync(InboxDismissBody body, ClaimsPrincipal user, UnansweredInbox inbox, CancellationToken cancellationToken) =>
        body.MessageIds is not { Count: > 0 }
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "messageIds are required.")
            : ToResult(await inbox.DismissAsync(user.Login(), body.MessageIds, cancellationToken));

    private static IResult ToResult(InboxResult result) =>
        result.Succeeded ? TypedResults.Ok(result) : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "NotDone", detail: result.Message);
}

public sealed record InboxAttachBody(List<long>? MessageIds, string? ArticleId);

public sealed record InboxDismissBody(List<long>? MessageIds);
