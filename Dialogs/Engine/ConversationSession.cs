using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// One conversation, locked and loaded, and what a turn or an operator action will write. Nothing is written until
/// <see cref="CommitAsync"/>: the state first (with its version check), then the transcript, then delivery through the channel.
/// </summary>
internal sealed class ConversationSession(DialogServices services, IAsyncDisposable lease, Conversation loaded) : IAsyncDisposable
{
    private readonly List<(TranscriptEntry Entry, bool Deliver)> _pending = [];
    private readonly List<OutgoingMessage> _delivered = [];
    private readonly List<Func<CancellationToken, Task>> _afterCommit = [];
    private readonly List<Func<CancellationToken, Task>> _onStored = [];
    private Conversation? _stored = loaded;
    private (Conversation Current, Conversation Stored)? _retired;

    public Conversation Conversation { get; set; } = loaded;

    /// <summary>The conversation as it was stored before this turn changed anything.</summary>
    public Conversation Loaded { get; } = loaded;

    /// <summary>The channel message this turn processes; saved with the state (<see cref="Conversation.LastMessageId"/>).</summary>
    public string? MessageId { get; set; }

    /// <summary>True when this turn retired a finished conversation and started the next one.</summary>
    public bool IsSuccessor { get; private set; }

    public IReadOnlyList<OutgoingMessage> Delivered => _delivered;

    /// <summary>Whether a message of <paramref name="kind"/> was said in this turn (it is delivered when the turn commits).</summary>
    public bool HasSaid(MessageKind kind) => _pending.Any(p => p.Entry.Kind == kind);

    /// <summary>Moves the conversation along the lifecycle (see <see cref="ConversationStateMachine"/>).</summary>
    public void Fire(ConversationTrigger trigger) =>
        Conversation = Conversation with { State = ConversationStateMachine.Fire(Conversation.State, trigger) };

    /// <summary>Keeps what the citizen wrote (already masked) in the transcript.</summary>
    public void Record(string text) =>
        _pending.Add((new TranscriptEntry { ConversationId = "", From = Authors.Citizen, Text = text, Timestamp = services.Now }, false));

    /// <summary>A message to the citizen: stored and delivered at commit.</summary>
    public void Say(MessageKind kind, string text, IReadOnlyList<QuickReply>? buttons = null, string? sourceUrl = null,
        string from = Authors.Bot, string? operatorId = null, string? articleId = null)
    {
        _pending.Add((new TranscriptEntry
        {
            ConversationId = "",
            From = from,
            Kind = kind,
            Text = text,
            Buttons = buttons ?? [],
            SourceUrl = sourceUrl,
            OperatorId = operatorId,
            ArticleId = articleId,
            Timestamp = services.Now,
        }, true));
        Conversation = Conversation with { LastReplyKind = kind };
    }

    /// <summary>
    /// A notice beside the turn's reply (the emergency numbers): stored and delivered like any message, but it is not what the
    /// turn answered, so the conversation still knows what its last reply was (a follow-up right after an answer stays one).
    /// </summary>
    public void SayAside(MessageKind kind, string text)
    {
        var last = Conversation.LastReplyKind;
        Say(kind, text);
        Conversation = Conversation with { LastReplyKind = last };
    }

    /// <summary>Where what the citizen wrote in this turn landed in the transcript (null when nothing was recorded).</summary>
    public long? RecordedSequence { get; private set; }

    /// <summary>Retires the current (finished) conversation and continues with <paramref name="next"/>, a new one for the same person.</summary>
    public void StartNext(Conversation next)
    {
        _retired = (Conversation, _stored ?? throw new InvalidOperationException("Only a stored conversation can be retired."));
        _stored = null;
        Conversation = next;
        IsSuccessor = true;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_retired is { } retired)
        {
            await SaveAsync(retired.Current, retired.Stored, cancellationToken);
            _retired = null;
        }

        if (Conversation.Version <= 1 && services.Stores.People is { } people)
        {
            // A conversation saved for the first time (or only just created): note whose it is before anything of it is stored,
            // so a host that dies in between cannot leave a conversation the person's data requests would not find.
            await people.RecordAsync(Conversation.Id, Conversation.Key, services.Now, CancellationToken.None);
        }

        var changed = !ReferenceEquals(Conversation, _stored);
        if (changed)
        {
            _stored = await SaveAsync(Conversation, _stored, cancellationToken);
            Conversation = _stored;
        }

        // The state is saved; the transcript must follow it even if the caller gives up now.
        var key = Conversation.Key;

        var entries = _pending.Select(p => p.Entry with { ConversationId = Conversation.Id }).ToList();
        var sequences = await services.Stores.Transcripts.AppendAsync(entries, CancellationToken.None);
        if (changed || entries.Count > 0)
        {
            // Only now: a console told earlier would read the transcript without this turn's lines (the citizen's new message).
            Notify(Conversation);
        }
        foreach (var work in _onStored)
        {
            await work(CancellationToken.None);
        }

        _onStored.Clear();
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, sequence, deliver) = (entries[i], sequences[i], _pending[i].Deliver);
            if (!deliver)
            {
                RecordedSequence = sequence;
            }

            if (deliver)
            {
                var message = new OutgoingMessage(entry.ConversationId, sequence, entry.From, entry.Kind!.Value, entry.Text, entry.Buttons,
                    entry.SourceUrl, entry.Timestamp);
                _delivered.Add(message);
                await DeliverAsync(key, message, cancellationToken);
            }
        }

        _pending.Clear();
        foreach (var work in _afterCommit)
        {
            try
            {
                await work(CancellationToken.None);
            }
            catch (Exception e)
            {
                services.Logger.AfterCommitFailed(e, Conversation.Id);
            }
        }

        _afterCommit.Clear();
    }

    /// <summary>
    /// Work that must follow the moment the turn's state and transcript are stored, before anything is delivered (marking the
    /// channel message processed): the shorter the gap, the less a host dying in it can leave half done.
    /// </summary>
    public void OnStored(Func<CancellationToken, Task> work) => _onStored.Add(work);

    /// <summary>Work that must follow a successful commit (daily statistics), run after delivery; its failure is logged, not thrown.</summary>
    public void AfterCommit(Func<CancellationToken, Task> work) => _afterCommit.Add(work);

    public ValueTask DisposeAsync() => lease.DisposeAsync();

    private void Notify(Conversation saved)
    {
        foreach (var observer in services.Observers)
        {
            try
            {
                observer.Changed(saved);
            }
            catch (Exception e)
            {
                services.Logger.ObserverFailed(e, saved.Id);
            }
        }
    }

    private async Task<Conversation> SaveAsync(Conversation current, Conversation? stored, CancellationToken cancellationToken)
    {
        var expected = stored?.Version ?? 0;
        // Only a channel message's own save names it: any other save (an operator's action, a close) clears the name, so a later
        // transcript line can never pass for that message's turn.
        var next = current with { Version = expected + 1, UpdatedAt = services.Now, LastMessageId = MessageId };
        return await services.Stores.Conversations.SaveAsync(next, expected, cancellationToken)
            ? next
            : throw new ConversationConflictException(current.Id);
    }

    /// <summary>
    /// Delivers again what a stored turn said, when the host that stored it died before delivering (its channel message was
    /// never marked processed). A channel that keeps its replies knows one it has kept already and does not send it twice.
    /// </summary>
    public async Task RedeliverAsync(IEnumerable<TranscriptEntry> said, CancellationToken cancellationToken)
    {
        foreach (var entry in said)
        {
            var message = new OutgoingMessage(entry.ConversationId, entry.Sequence, entry.From, entry.Kind!.Value, entry.Text, entry.Buttons,
                entry.SourceUrl, entry.Timestamp);
            await DeliverAsync(Conversation.Key, message, cancellationToken);
        }
    }

    /// <summary>A channel that fails does not undo the turn: the message is in the transcript, and the sender's own retry policy applies.</summary>
    private async Task DeliverAsync(ConversationKey key, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (services.SenderFor(key.Channel) is not { } sender)
        {
            services.Logger.NoSender(key.Channel, message.ConversationId, message.Sequence);
            return;
        }

        try
        {
            await sender.SendAsync(key, message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            services.Logger.DeliveryFailed(e, key.Channel, message.ConversationId, message.Sequence);
        }
    }
}
