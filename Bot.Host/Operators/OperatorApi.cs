using System.Security.Claims;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Staff.Console;
using Assistant.Dialogs.Operators;

namespace Assistant.Bot.Host.Operators;

/// <summary>
/// The operators' HTTP API, the same desk the console uses: queue of the caller's groups, accept, reply (delivered through the
/// citizen's channel), transfer (at most two transfers per question), close, transcript, KB templates. The operator is the
/// signed-in account or the personal token's account; a body cannot name another.
/// </summary>
public static class OperatorApi
{
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/operator").WithTags(StaffRoles.Operators).RequireAuthorization(StaffRoles.Operators);
        group.MapGet("/queue", ListQueueAsync).WithSummary("Conversations waiting in the caller's skill groups (or one of them), oldest first, with masked transcript and context.");
        group.MapGet("/presence", PresenceAsync).WithSummary("Whether the caller is present («на месте») for new conversations and personal clients.");
        group.MapPut("/presence", SetPresenceAsync).WithSummary("Set the caller present or away.");
        group.MapGet("/conversations/mine", MineAsync).WithSummary("The conversations the caller is answering now.");
        group.MapPost("/conversations/{id}/accept", AcceptAsync).WithSummary("Take a waiting conversation of one's own group, within one's capacity.");
        group.MapPost("/conversations/{id}/reply", ReplyAsync).WithSummary("Answer the citizen; delivered through their own channel. articleId records the KB template used.");
        group.MapPost("/conversations/{id}/transfer", TransferAsync).WithSummary("Hand the question to another skill group (refused after the second transfer).");
        group.MapPost("/conversations/{id}/close", CloseAsync).WithSummary("Close the conversation; the citizen is asked for a rating.");
        group.MapGet("/conversations/{id}/transcript", TranscriptAsync).WithSummary("The masked transcript (audited).");
        group.MapPost("/conversations/{id}/flags", FlagAsync).WithSummary("Set or clear a flag (e.g. «инвалидность») that gives the person a personal manager.");
        group.MapGet("/conversations/{id}/templates", TemplatesAsync).WithSummary("KB answers for the conversation's question, or for ?search=.");

        var supervisors = app.MapGroup("/api/supervisor").WithTags(StaffRoles.Supervisors).RequireAuthorization(StaffRoles.Supervisors);
        supervisors.MapGet("/operators", OperatorsAsync).WithSummary("Every operator: online or away, groups, conversations answered now.");
        supervisors.MapGet("/audit", AuditAsync).WithSummary("The audit log, newest first; filter by actor, conversation, days (from/to); page with before (audited).");
        return app;
    }

    public static async Task<IResult> ListQueueAsync(string? group, ClaimsPrincipal user, StaffDesk desk, AuditLog audit, CancellationToken cancellationToken)
    {
        var queue = await desk.QueueAsync(user, group, cancellationToken);
        await audit.WriteAsync(user.Login(), "queue", details: AuditLog.QueueDetails([.. queue.Select(e => e.ConversationId)]), cancellationToken: CancellationToken.None);
        return TypedResults.Ok(queue);
    }

    public static async Task<IResult> PresenceAsync(ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(new OperatorPresenceBody(await desk.IsOnlineAsync(user, cancellationToken)));

    public static async Task<IResult> SetPresenceAsync(OperatorPresenceBody body, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken)
    {
        await desk.SetOnlineAsync(user, body.Online, cancellationToken);
        return TypedResults.Ok(body);
    }

    /// <summary>The caller's conversations with their transcripts: each one's view is audited like an opened transcript.</summary>
    public static async Task<IResult> MineAsync(ClaimsPrincipal user, StaffDesk desk, AuditLog audit, CancellationToken cancellationToken)
    {
        var mine = await desk.MineAsync(user, cancellationToken);
        await audit.WriteEachAsync(user.Login(), "transcript", [.. mine.Select(e => e.ConversationId)], details: "mine");

        return TypedResults.Ok(mine);
    }

    public static async Task<IResult> AcceptAsync(string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        ToResult(await desk.AcceptAsync(user, id, cancellationToken));

    public static async Task<IResult> ReplyAsync(string id, OperatorReplyBody body, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        ToResult(await desk.ReplyAsync(user, id, body.Text ?? string.Empty, body.ArticleId, cancellationToken));

    public static async Task<IResult> TransferAsync(string id, OperatorTransferBody body, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.ToGroup)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "toGroup is required.")
            : ToResult(await desk.TransferAsync(user, id, body.ToGroup, cancellationToken));

    public static async Task<IResult> CloseAsync(string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        ToResult(await desk.CloseAsync(user, id, cancellationToken));

    public static async Task<IResult> FlagAsync(string id, OperatorFlagBody body, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.Flag)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "flag is required.")
            : ToResult(await desk.SetFlagAsync(user, id, body.Flag, body.On ?? true, cancellationToken));

    public static async Task<IResult> TranscriptAsync(string id, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        await desk.OpenAsync(user, id, cancellationToken) is { } entry
            ? TypedResults.Ok(entry.Transcript)
            : Error(DeskError.NotFound, null);

    public static async Task<IResult> TemplatesAsync(string id, string? search, ClaimsPrincipal user, StaffDesk desk, CancellationToken cancellationToken) =>
        await desk.OpenAsync(user, id, cancellationToken) is { } entry
            ? TypedResults.Ok(await desk.TemplatesAsync(entry, search, cancellationToken))
            : Error(DeskError.NotFound, null);

    public static async Task<IResult> OperatorsAsync(ClaimsPrincipal user, StaffDesk desk, AuditLog audit, CancellationToken cancellationToken)
    {
        var operators = await desk.OperatorsAsync(cancellationToken);
        await audit.WriteAsync(user.Login(), "operators-read", details: $"{operators.Count} operators", cancellationToken: CancellationToken.None);
        return TypedResults.Ok(operators);
    }

    /// <summary>
    /// One page of the audit log: from/to are days (yyyy-MM-dd, inclusive), before is the id of the last line of the previous
    /// page. Reading the log is itself audited, with the filter used.
    /// </summary>
    public static async Task<IResult> AuditAsync(string? actor, string? conversationId, string? from, string? to, long? before, int? limit,
        ClaimsPrincipal user, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!AuditQuery.TryParseDay(from, out var start) || !AuditQuery.TryParseDay(to, out var end) || end < start)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Dates are yyyy-MM-dd, and from is not after to.");
        }

        var query = new AuditQuery(actor, conversationId, start, end, before, limit ?? 200);
        var entries = await audit.ReadAsync(query, cancellationToken);
        await audit.WriteAsync(user.Login(), "audit-read", string.IsNullOrWhiteSpace(conversationId) ? null : conversationId.Trim(),
            details: query.Describe(), cancellationToken: CancellationToken.None);
        return TypedResults.Ok(entries);
    }

    private static IResult ToResult(DeskResult result) =>
        result.Succeeded
            ? TypedResults.Ok(new { conversationId = result.Conversation?.Id, state = result.Conversation?.State.ToString(), transfers = result.Conversation?.Transfers, group = result.Conversation?.HandoffGroup, flags = result.Conversation?.Flags, message = result.Message })
            : Error(result.Error!.Value, result.Message);

    private static IResult Error(DeskError error, string? message) => TypedResults.Problem(
        statusCode: error switch
        {
            DeskError.NotFound => StatusCodes.Status404NotFound,
            DeskError.NotYours or DeskError.NotYourGroup => StatusCodes.Status403Forbidden,
            DeskError.EmptyText or DeskError.TooLong or DeskError.UnknownGroup => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        },
        title: error.ToString(),
        detail: message);
}
