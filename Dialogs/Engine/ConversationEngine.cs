using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Answering;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Throttling;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// The channel-neutral conversation engine: every activity from every channel goes through <see cref="ProcessAsync"/>, and the
/// host calls <see cref="CloseInactiveAsync"/> from a background service. Replies go out through the channels' senders.
/// </summary>
public sealed class ConversationEngine
{
    private readonly DialogServices _services;
    private readonly TurnPipeline _pipeline;

    public ConversationEngine(DialogServices services)
    {
        _services = services;
        var requests = new WrittenRequestFlow(services);
        var handoff = new HandoffFlow(services, requests);
        var router = new DialogRouter(services, new BotAnsweringFlow(services, handoff, requests, new SmallTalkFlow(services)), requests, handoff, new RatingFlow(services));

        // Order matters: the text is masked before anything can store or log it, and cut before it is stored;
        // duplicates are found under the person's lock and marked after the commit; the limiter counts only turns that are not duplicates.
        _pipeline = new TurnPipeline(
        [
            new TelemetryMiddleware(services),
            new MaskingMiddleware(services.Masker),
            new MessageSizeMiddleware(services),
            new ConversationMiddleware(services),
            new DeduplicationMiddleware(services),
            new RateLimitMiddleware(services),
            new TranscriptMiddleware(services),
        ], router.HandleAsync);
    }

    /// <summary>Processes one activity: at most one turn per person at a time, each channel message id once.</summary>
    public async Task<TurnResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(activity.Channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(activity.UserId);

        var context = new TurnContext(activity, _services);
        await _pipeline.RunAsync(context, cancellationToken);
        return context.HasConversation
            ? new TurnResult(context.Outcome, context.Conversation.Id, context.Conversation.State, context.Replies,
                context.Session.RecordedSequence, context.Conversation.Ordinal)
            : new TurnResult(context.Outcome, null, null, []);
    }

    /// <summary>
    /// Closes open conversations quiet for longer than the inactivity timeout (asking for the rating, once) and finishes those
    /// whose rating window is over. Returns how many were closed.
    /// </summary>
    public async Task<int> CloseInactiveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var timeout = _services.Options.InactivityTimeout;
        var window = _services.Options.Rating.Window;
        var closed = 0;
        var expired = 0;
        foreach (var state in ConversationStateMachine.ClosableByInactivity)
        {
            foreach (var candidate in await _services.Stores.Conversations.ListIdleAsync(state, now - timeout + TimeSpan.FromTicks(1), cancellationToken))
            {
                if (candidate.LastActivityAt + timeout <= now
                    && await UnderLockAsync(candidate.Id, c => ConversationStateMachine.ClosableByInactivity.Contains(c.State) && c.LastActivityAt + timeout <= now,
                        session => _services.Closer.Close(session, CloseReason.Inactivity), cancellationToken))
                {
                    closed++;
                }
            }
        }

        foreach (var state in ConversationStateMachine.Rating)
        {
            // Idle for the window is a cheap pre-filter: the rating is usually asked at the last activity; one answered with a comment
            // after it expires that much later.
            foreach (var candidate in await _services.Stores.Conversations.ListIdleAsync(state, now - window + TimeSpan.FromTicks(1), cancellationToken))
            {
                if (candidate.RatingAskedAt + window <= now
                    && await UnderLockAsync(candidate.Id, c => ConversationStateMachine.Rating.Contains(c.State) && c.RatingAskedAt + window <= now,
                        session => session.Fire(ConversationTrigger.Expired), cancellationToken))
                {
                    expired++;
                }
            }
        }

        if (closed + expired > 0)
        {
            _services.Logger.InactivitySweep(closed, expired);
        }

        return closed;
    }

    /// <summary>Forgets processed message ids older than Dialogs:ProcessedMessageRetention; returns how many.</summary>
    public Task<int> ForgetOldMessageIdsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _services.Stores.ProcessedMessages.ForgetOlderThanAsync(now - _services.Options.ProcessedMessageRetention, cancellationToken);

    private async Task<bool> UnderLockAsync(string conversationId, Func<Conversation, bool> stillDue, Action<ConversationSession> act, CancellationToken cancellationToken)
    {
        await using var session = await _services.Sessions.OpenAsync(conversationId, cancellationToken);
        if (session is null || !stillDue(session.Conversation))
        {
            return false;
        }

        act(session);
        await session.CommitAsync(cancellationToken);
        return true;
    }
}
