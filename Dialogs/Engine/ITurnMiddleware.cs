namespace Assistant.Dialogs.Engine;

/// <summary>One concern wrapped around every turn (de-duplication, masking, rate limiting, logging); calls <c>next</c> to go on.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken);
}
