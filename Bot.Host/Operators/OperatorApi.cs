using Assistant.Dialogs.Operators;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Operators;

/// <summary>
/// The operators' HTTP API until the staff workspace exists: queue by skill group, accept, reply (delivered through the
/// citizen's channel), transfer (at most two transfers per question), close, transcript. Bearer key from Operators:ApiKey.
/// </summary>
public static class OperatorApi
{
    public static IEndpointRouteBuilder MapOperatorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/operator").WithTags("Operators").AddEndpointFilter(RequireKeyAsync);
        group.MapGet("/queue", ListQueueAsync).WithSummary("Conversations waiting in a skill group, oldest first, with masked transcript and context.");
        group.MapPost("/conversations/{id}/accept", AcceptAsync).WithSummary("Take a waiting conversation.");
        group.MapPost("/conversations/{id}/reply", ReplyAsync).WithSummary("Answer the citizen; delivered through their own channel.");
        group.MapPost("/conversations/{id}/transfer", TransferAsync).WithSummary("Hand the question to another skill group (refused after the second transfer).");
        group.MapPost("/conversations/{id}/close", CloseAsync).WithSummary("Close the conversation; the citizen is asked for a rating.");
        group.MapGet("/conversations/{id}/transcript", TranscriptAsync).WithSummary("The masked transcript.");
        return app;
    }

    private static async ValueTask<object?> RequireKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Assistant.Bot.Host.Knowledge.BearerKey.Check(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<IOptions<OperatorOptions>>().Value.ApiKey)
        ?? await next(context);

    public static async Task<Ok<IReadOnlyList<QueueEntry>>> ListQueueAsync(string? group, OperatorDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(await desk.ListQueueAsync(string.IsNullOrWhiteSpace(group) ? "general" : group, cancellationToken));

    public static async Task<IResult> AcceptAsync(string id, OperatorIdentity body, OperatorDesk desk, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.OperatorId) ? MissingOperator() : ToResult(await desk.AcceptAsync(id, body.OperatorId, cancellationToken));

    public static async Task<IResult> ReplyAsync(string id, OperatorReplyBody body, OperatorDesk desk, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.OperatorId) ? MissingOperator() : ToResult(await desk.ReplyAsync(id, body.OperatorId, body.Text ?? string.Empty, cancellationToken));

    public static async Task<IResult> TransferAsync(string id, OperatorTransferBody body, OperatorDesk desk, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.OperatorId) || string.IsNullOrWhiteSpace(body.ToGroup)
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "operatorId and toGroup are required.")
            : ToResult(await desk.TransferAsync(id, body.OperatorId, body.ToGroup, cancellationToken));

    public static async Task<IResult> CloseAsync(string id, OperatorIdentity body, OperatorDesk desk, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.OperatorId) ? MissingOperator() : ToResult(await desk.CloseAsync(id, body.OperatorId, cancellationToken));

    public static async Task<IResult> TranscriptAsync(string id, OperatorDesk desk, CancellationToken cancellationToken)
    {
        var result = await desk.GetTranscriptAsync(id, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(result.Entries) : Error(result.Error!.Value, null);
    }

    private static IResult ToResult(DeskResult result) =>
        result.Succeeded
            ? TypedResults.Ok(new { conversationId = result.Conversation?.Id, state = result.Conversation?.State.ToString(), transfers = result.Conversation?.Transfers, group = result.Conversation?.HandoffGroup, message = result.Message })
            : Error(result.Error!.Value, result.Message);

    private static IResult Error(DeskError error, string? message) => TypedResults.Problem(
        statusCode: error switch
        {
            DeskError.NotFound => StatusCodes.Status404NotFound,
            DeskError.NotYours => StatusCodes.Status403Forbidden,
            DeskError.EmptyText => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        },
        title: error.ToString(),
        detail: message);

    private static IResult MissingOperator() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "operatorId is required.");
}
