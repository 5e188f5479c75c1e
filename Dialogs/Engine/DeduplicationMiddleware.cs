using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// Processes each channel message id once. It runs under the person's lock: a redelivery that arrives while the first
/// delivery is still being processed waits, then finds it done. The id is marked only after the turn is committed, so a
/// host that dies in the middle of a turn leaves it unmarked and the retry (once the dead host's lock has expired) is
/// processed instead of being dropped as a duplicate.
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
        if (await store.IsProcessedAsync(activity.Channel, activity.MessageId, cancellationToken))
        {
            context.Outcome = TurnOutcome.Duplicate;
            services.Logger.DuplicateSkipped(activity.Channel, activity.MessageId);
            return;
        }

        if (await StoredButNotMarkedAsync(context.Session, activity.MessageId, cancellationToken) is { } turn)
        {
            // The turn is stored but was never delivered (delivery follows the mark): what it said goes out now.
            await store.TryMarkAsync(activity.Channel, activity.MessageId, cancellationToken);
            await context.Session.RedeliverAsync(turn.Where(e => e.Kind is not null), cancellationToken);
            context.Outcome = TurnOutcome.Duplicate;
            services.Logger.DuplicateSkipped(activity.Channel, activity.MessageId);
            return;
        }

        // Marked as soon as the turn's state and transcript are stored; a turn that fails before is not marked and may be delivered again.
        context.Session.MessageId = activity.MessageId;
        context.Session.OnStored(ct => store.TryMarkAsync(activity.Channel, activity.MessageId, ct));
        await next();
    }

    /// <summary>
    /// A host died between storing this message's turn and marking it processed: the saved state names the message (only that
    /// message's own save does), and the transcript holds what the turn wrote (nothing older than the turn's start), which is
    /// returned. If the host died before the transcript was written, null: the message is processed again, so that it is not
    /// lost. Only read after such a death: the state's id is otherwise never the id of a message not yet marked.
    /// </summary>
    private async Task<IReadOnlyList<TranscriptEntry>?> StoredButNotMarkedAsync(ConversationSession session, string messageId, CancellationToken cancellationToken)
    {
        var stored = session.Loaded;
        if (stored.LastMessageId != messageId || stored.Version == 0)
        {
            return null;
        }

        var transcript = await services.Stores.Transcripts.ReadAsync(stored.Id, 0, cancellationToken);
        var turn = transcript.Where(e => e.Timestamp >= stored.LastActivityAt - TimeSpan.FromMilliseconds(1)).ToList();
        return turn.Count > 0 ? turn : null;
    }
}
