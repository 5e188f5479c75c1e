using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Throttling;

/// <summary>Per-person token bucket: over the limit the person is told once, politely, and further messages are dropped until it refills.</summary>
internal sealed class RateLimitMiddleware(DialogServices services) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        if (context.Activity.Type is ActivityType.ConversationUpdate)
        {
            await next();
            return;
        }

        var decision = await services.RateLimiter.TryTakeAsync(context.Activity.Key.ToString(), services.Now, cancellationToken);
        if (decision == ThrottleDecision.Allowed)
        {
            await next();
            return;
        }

        context.Outcome = TurnOutcome.Throttled;
        services.Logger.Throttled(context.Conversation.Id, decision == ThrottleDecision.ThrottledFirst);
        if (decision == ThrottleDecision.ThrottledFirst)
        {
            context.Reply(MessageKind.Notice, services.Phrases.Throttled);
        }
    }
}
