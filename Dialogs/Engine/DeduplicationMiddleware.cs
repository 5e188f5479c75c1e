using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// Processes each channel message id once. The id is marked before the turn and unmarked if the turn fails, so a channel's
/// redelivery after a failure is processed and a redelivery after success is not.
/// </summary>
internal sealed class DeduplicationMiddleware(DialogServices services) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (string.IsNullOrEmpty(activity.MessageId) || activity.Type == ActivityType.Typing)
        {
            await next();
            return;
        }

        var store = services.Stores.ProcessedMessages;
        if (!await store.TryMarkAsync(activity.Channel, activity.MessageId, cancellationToken))
        {
            context.Outcome = TurnOutcome.Duplicate;
            services.Logger.DuplicateSkipped(activity.Channel, activity.MessageId);
            return;
        }

        try
        {
            await next();
        }
        catch
        {
            await store.ForgetAsync(activity.Channel, activity.MessageId, CancellationToken.None);
            throw;
        }
    }
}
