namespace Assistant.Dialogs.Engine;

/// <summary>The middleware in order, then the handler that does the turn's work.</summary>
internal sealed class TurnPipeline(IReadOnlyList<ITurnMiddleware> middleware, Func<TurnContext, CancellationToken, Task> handler)
{
    public Task RunAsync(TurnContext context, CancellationToken cancellationToken) => StepAsync(0, context, cancellationToken);

    private Task StepAsync(int index, TurnContext context, CancellationToken cancellationToken) =>
        index == middleware.Count
            ? handler(context, cancellationToken)
            : middleware[index].OnTurnAsync(context, () => StepAsync(index + 1, context, cancellationToken), cancellationToken);
}
