using System.Security.Claims;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Dialogs.Requests;

namespace Assistant.Bot.Host.Staff.Requests;

/// <summary>The written requests desk over HTTP, for operators (and supervisors): list, open, take into work, answer, close.</summary>
public static class RequestApi
{
    public static IEndpointRouteBuilder MapRequestApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requests").WithTags(StaffRoles.Operators).RequireAuthorization(StaffRoles.Operators);
        group.MapGet("/", ListAsync).WithSummary("Every written request, overdue first; contacts only to the assignee.");
        group.MapGet("/{number}", OpenAsync).WithSummary("One request (audited); the contact only to the assignee.");
        group.MapPost("/{number}/assign", AssignAsync).WithSummary("Take the request into work.");
        group.MapPost("/{number}/answer", AnswerAsync).WithSummary("Record the answer; sent to the citizen's channel when reachable.");
        group.MapPost("/{number}/close", CloseAsync).WithSummary("Close the request: an answered one, or with a reason why it has no answer.");
        return app;
    }

    /// <summary>The list carries the requests' texts and the caller's own requests' contacts: it is audited, with those numbers.</summary>
    public static async Task<IResult> ListAsync(ClaimsPrincipal user, StaffRequests requests, Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        var list = await requests.ListAsync(user, cancellationToken);
        var contacts = list.Where(r => !r.ContactHidden && r.Contact is not null).Select(r => r.Number).ToList();
        await audit.WriteAsync(user.Login(), "requests-list", details: $"{list.Count} requests"
            + (contacts.Count > 0 ? "; contacts shown: " + string.Join(", ", contacts) : ""), cancellationToken: CancellationToken.None);
        return TypedResults.Ok(list);
    }

    public static async Task<IResult> OpenAsync(string number, ClaimsPrincipal user, StaffRequests requests, CancellationToken cancellationToken) =>
        await requests.OpenAsync(user, number, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: nameof(RequestDeskError.NotFound));

    public static async Task<IResult> AssignAsync(string number, ClaimsPrincipal user, StaffRequests requests, CancellationToken cancellationToken) =>
        ToResult(await requests.AssignAsync(user, number, cancellationToken));

    public static async Task<IResult> AnswerAsync(string number, RequestAnswerBody body, ClaimsPrincipal user, StaffRequests requests, CancellationToken cancellationToken) =>
        ToResult(await requests.AnswerAsync(user, number, body.Text ?? string.Empty, cancellationToken));

    public static async Task<IResult> CloseAsync(string number, RequestCloseBody? body, ClaimsPrincipal user, StaffRequests requests, CancellationToken cancellationToken) =>
        ToResult(await requests.CloseAsync(user, number, body?.Reason, cancellationToken));

    private static IResult ToResult((RequestDeskResult Result, RequestView? View) outcome) =>
        outcome.Result.Succeeded
            ? TypedResults.Ok(outcome.View)
            : TypedResults.Problem(
                statusCode: outcome.Result.Error switch
                {
                    RequestDeskError.NotFound => StatusCodes.Status404NotFound,
                    RequestDeskError.NotYours => StatusCodes.Status403Forbidden,
                    RequestDeskError.EmptyText or RequestDeskError.NoAnswer or RequestDeskError.TooLong => StatusCodes.Status400BadRequest,
                    _ => StatusCodes.Status409Conflict,
                },
                title: outcome.Result.Error.ToString(),
                detail: outcome.Result.Message);
}

public sealed record RequestAnswerBody(string? Text);

/// <summary>Why a request is closed without an answer; not needed for an answered one.</summary>
public sealed record RequestCloseBody(string? Reason);
