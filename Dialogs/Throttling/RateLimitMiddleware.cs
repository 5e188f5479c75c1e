using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;

namespace Assistant.Dialogs.Throttling;

/// <summary>Per-person token bucket: over the limit the person is told once, politely, and further messages are dropped until it refills.</summary>
internal sealed class RateLimitMiddleware(DialogServices services, TokenBucketLimiter limiter) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        if (context.Activity.Type is ActivityType.ConversationUpdate)
        {
            return next();
        }

        var decision = limiter.TryTake(context.Activity.Key.ToString(), services.Now);
        if (decision == ThrottleDecision.Allowed)
        {
            return next();
        }

        context.Outcome = TurnOutcome.Throttled;
        services.Logger.Throttled(context.Conversation.Id, decision == ThrottleDecision.ThrottledFirst);
        if (decision == ThrottleDecision.ThrottledFirst)
        {
            context.Reply(MessageKind.Notice, services.Phrases.Throttled);
        }

        return Task.CompletedTask;
    }
}
