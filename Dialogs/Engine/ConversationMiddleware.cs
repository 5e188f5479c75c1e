using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// Loads the person's conversation under their lock, lets the rest of the turn work on it, then commits (state, transcript,
/// delivery) before the lock is released, so turns of one conversation never overlap.
/// </summary>
internal sealed class ConversationMiddleware(DialogServices services) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityType.Typing)
        {
            context.Outcome = TurnOutcome.Ignored;
            return;
        }

        await using var session = await services.Sessions.OpenAsync(activity.Key, activity.Segment, cancellationToken);
        context.Session = session;
        session.Conversation = session.Conversation with
        {
            LastActivityAt = services.Now,
            Segment = activity.Segment ?? session.Conversation.Segment,
        };

        await next();
        await session.CommitAsync(cancellationToken);
    }
}
