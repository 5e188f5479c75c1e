using Microsoft.Extensions.Logging;

namespace Assistant.Dialogs.Engine;

/// <summary>A trace span and one structured log line per turn; a failed turn is logged with its exception and rethrown.</summary>
internal sealed class TelemetryMiddleware(DialogServices services) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, Func<Task> next, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        using var span = DialogTelemetry.Source.StartActivity("dialog.turn");
        span?.SetTag("dialog.channel", activity.Channel);
        span?.SetTag("dialog.activity_type", activity.Type.ToString());
        var started = services.Time.GetTimestamp();
        try
        {
            await next();
        }
        catch (Exception e)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            services.Logger.TurnFailed(e, activity.Channel, activity.Type.ToString(), context.HasConversation ? context.Conversation.Id : null);
            throw;
        }

        if (context.Outcome == TurnOutcome.Processed)
        {
            DialogMetrics.Turn(activity.Channel, context.Replies);
        }

        var conversationId = context.HasConversation ? context.Conversation.Id : null;
        var state = context.HasConversation ? context.Conversation.State.ToString() : null;
        span?.SetTag("dialog.conversation_id", conversationId);
        span?.SetTag("dialog.state", state);
        span?.SetTag("dialog.outcome", context.Outcome.ToString());
        span?.SetTag("dialog.replies", context.Replies.Count);
        if (services.Logger.IsEnabled(LogLevel.Information))
        {
            services.Logger.TurnProcessed(activity.Channel, activity.Type.ToString(), conversationId, context.Outcome.ToString(), state,
                context.Replies.Count, services.Time.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
