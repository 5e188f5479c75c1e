using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Operators;

/// <summary>
/// The operators' side: queues by skill group, accept, reply (delivered through the citizen's channel), transfer (at most
/// the allowed number of transfers per conversation), close (then the rating prompt). Each action runs under the same
/// per-person lock as the citizen's turns.
/// </summary>
public sealed class OperatorDesk(DialogServices services)
{
    // A conversation's first citizen message never changes: read once per waiting conversation, not on every queue refresh.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _topics = new();

    private DeskPhrases Phrases => services.Phrases.Desk;

    /// <summary>
    /// Every waiting conversation and every conversation with an operator, without transcripts (with the topic): what consoles
    /// refresh on each change, cheap enough to run for every handover with a thousand waiting.
    /// </summary>
    public async Task<(IReadOnlyList<QueueEntry> Waiting, IReadOnlyList<QueueEntry> Assigned)> SummariesAsync(CancellationToken cancellationToken)
    {
        var waiting = await services.Stores.Conversations.ListByStateAsync(ConversationState.WaitingForOperator, cancellationToken);
        var assigned = await services.Stores.Conversations.ListByStateAsync(ConversationState.WithOperator, cancellationToken);
        var live = waiting.Concat(assigned).Select(c => c.Id).ToHashSet();
        foreach (var gone in _topics.Keys.Where(id => !live.Contains(id)))
        {
            _topics.TryRemove(gone, out _);
        }

        return (await ToSummariesAsync([.. waiting.OrderBy(c => c.QueuedAt ?? c.UpdatedAt)], cancellationToken),
                await ToSummariesAsync([.. assigned.OrderBy(c => c.QueuedAt ?? c.UpdatedAt)], cancellationToken));
    }

    /// <summary>Conversations waiting for <paramref name="group"/>, longest-waiting first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> ListQueueAsync(string group, CancellationToken cancellationToken) =>
        await ToEntriesAsync(await services.Stores.Conversations.ListQueueAsync(group, cancellationToken), cancellationToken);

    /// <summary>Conversations waiting in any of <paramref name="groups"/> (null: every group), longest-waiting first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> ListWaitingAsync(IReadOnlyCollection<string>? groups, CancellationToken cancellationToken)
    {
        var waiting = await services.Stores.Conversations.ListByStateAsync(ConversationState.WaitingForOperator, cancellationToken);
        return await ToEntriesAsync(
            [.. waiting.Where(c => groups is null || groups.Contains(c.HandoffGroup ?? "", StringComparer.OrdinalIgnoreCase)).OrderBy(c => c.QueuedAt ?? c.UpdatedAt)],
            cancellationToken);
    }

    /// <summary>The conversations <paramref name="operatorId"/> is answering now.</summary>
    public async Task<IReadOnlyList<QueueEntry>> ListAssignedAsync(string operatorId, CancellationToken cancellationToken) =>
        await ToEntriesAsync([.. (await AssignedAsync(operatorId, cancellationToken)).OrderBy(c => c.QueuedAt ?? c.UpdatedAt)], cancellationToken);

    /// <summary>How many conversations each operator is answering now (for supervisors).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAssignedAsync(CancellationToken cancellationToken) =>
        (await services.Stores.Conversations.ListByStateAsync(ConversationState.WithOperator, cancellationToken))
            .Where(c => c.OperatorId is not null)
            .GroupBy(c => c.OperatorId!)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>One conversation with its context and transcript, or null.</summary>
    public async Task<QueueEntry?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        await services.Stores.Conversations.GetAsync(conversationId, cancellationToken) is { } conversation
            ? (await ToEntriesAsync([conversation], cancellationToken))[0]
            : null;

    public Task<DeskResult> AcceptAsync(string conversationId, string operatorId, CancellationToken cancellationToken) =>
        AcceptAsync(conversationId, operatorId, AcceptRules.None, cancellationToken);

    /// <summary>Takes a waiting conversation, within the operator's groups and capacity.</summary>
    public async Task<DeskResult> AcceptAsync(string conversationId, string operatorId, AcceptRules rules, CancellationToken cancellationToken)
    {
        var assigned = rules.Capacity is null ? 0 : (await AssignedAsync(operatorId, cancellationToken)).Count;
        var result = await ActAsync("accept", conversationId, operatorId, cancellationToken, session =>
        {
            if (session.Conversation.State != ConversationState.WaitingForOperator)
            {
                // Two operators pressing «Принять» at once is common: the one who lost is told so, not that the state is wrong.
                var taken = session.Conversation.State == ConversationState.WithOperator && session.Conversation.OperatorId != operatorId;
                return Refuse(DeskError.WrongState, taken ? Phrases.AlreadyTaken : Phrases.WrongState, session);
            }

            if (rules.Groups is { } groups && !groups.Contains(session.Conversation.HandoffGroup ?? "", StringComparer.OrdinalIgnoreCase)
                && session.Conversation.PersonalManagerId != operatorId)
            {
                return Refuse(DeskError.NotYourGroup, Phrases.NotYourGroup, session);
            }

            if (rules.Groups is not null && services.PersonalManagers.ReservedForAnother(session.Conversation, operatorId))
            {
                return Refuse(DeskError.NotYours, Phrases.ReservedForManager, session);
            }

            if (rules.Capacity is { } capacity && assigned >= capacity)
            {
                return Refuse(DeskError.AtCapacity, BotPhrases.Fill(Phrases.AtCapacity, ("count", assigned.ToString(System.Globalization.CultureInfo.InvariantCulture))), session);
            }

            session.Conversation = session.Conversation with
            {
                OperatorId = operatorId,
                LastActivityAt = services.Now,
                FirstAcceptedAt = session.Conversation.FirstAcceptedAt ?? services.Now,
            };
            session.Fire(ConversationTrigger.OperatorAccepted);
            session.Say(MessageKind.Notice, services.Phrases.OperatorJoined, from: Authors.System);
            services.Logger.Accepted(operatorId, conversationId);
            DialogMetrics.Accepted(session.Conversation.HandoffGroup ?? "", services.Now - (session.Conversation.QueuedAt ?? session.Conversation.UpdatedAt));
            return null;
        });
        if (result.Succeeded)
        {
            await services.PersonalManagers.AcceptedAsync(result.Conversation!, operatorId, cancellationToken);
        }

        return result;
    }

    /// <summary>The operator answering the conversation sets or clears a flag (e.g. «инвалидность»); it stays with the person.</summary>
    public async Task<DeskResult> SetFlagAsync(string conversationId, string operatorId, string flag, bool on, CancellationToken cancellationToken)
    {
        var known = services.Options.PersonalManagers.Flags.FirstOrDefault(f => string.Equals(f, flag?.Trim(), StringComparison.OrdinalIgnoreCase));
        var result = await ActAsync("flag", conversationId, operatorId, cancellationToken, session =>
        {
            if (OwnedBy(session, operatorId) is { } refused)
            {
                return refused;
            }

            if (known is null)
            {
                return Refuse(DeskError.WrongState, Phrases.UnknownFlag, session);
            }

            var flags = session.Conversation.Flags.Where(f => !string.Equals(f, known, StringComparison.OrdinalIgnoreCase));
            session.Conversation = session.Conversation with { Flags = on ? [.. flags, known] : [.. flags] };
            return null;
        });
        if (result.Succeeded)
        {
            await services.PersonalManagers.FlagsChangedAsync(result.Conversation!, cancellationToken);
        }

        return result;
    }

    /// <summary>Whether a waiting conversation is still held for another operator's personal client.</summary>
    public bool IsReservedForAnother(QueueEntry entry, string operatorId) =>
        entry.PersonalManagerId is { } manager && manager != operatorId && entry.WaitingSince + services.Options.PersonalManagers.Hold > services.Now;

    public Task<DeskResult> ReplyAsync(string conversationId, string operatorId, string text, CancellationToken cancellationToken) =>
        ReplyAsync(conversationId, operatorId, text, null, cancellationToken);

    /// <summary>
    /// Sends the reply; <paramref name="articleId"/> names the KB article it was built from, and the citizen's question goes to
    /// the moderators' inbox with it (the KB had the answer, the bot did not find it).
    /// </summary>
    public async Task<DeskResult> ReplyAsync(string conversationId, string operatorId, string text, string? articleId, CancellationToken cancellationToken)
    {
        var known = articleId is not null && services.Knowledge.FindArticle(articleId) is not null ? articleId : null;
        var result = await ReplyCoreAsync(conversationId, operatorId, text, known, cancellationToken);
        if (result.Succeeded && known is not null)
        {
            var conversation = result.Conversation!;
            var question = conversation.LastQuestion ?? (await services.Stores.Transcripts.ReadAsync(conversation.Id, 0, cancellationToken))
                .FirstOrDefault(e => e.From == Authors.Citizen)?.Text;
            await services.Unanswered.RecordAsync(conversation, Learning.UnansweredKind.OperatorTemplate, question, [known], known, cancellationToken);
        }

        return result;
    }

    private Task<DeskResult> ReplyCoreAsync(string conversationId, string operatorId, string text, string? articleId, CancellationToken cancellationToken) =>
        ActAsync("reply", conversationId, operatorId, cancellationToken, session =>
        {
            if (OwnedBy(session, operatorId) is { } refused)
            {
                return refused;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return Refuse(DeskError.EmptyText, Phrases.EmptyText, session);
            }

            // What a citizen may send is what an operator may: a longer text would arrive as a string of channel messages.
            var limit = services.Options.MaxMessageLength;
            if (text.Trim().Length > limit)
            {
                return Refuse(DeskError.TooLong, BotPhrases.Fill(Phrases.TooLong, ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), session);
            }

            session.Conversation = session.Conversation with
            {
                LastActivityAt = services.Now,
                FirstResponseAt = session.Conversation.FirstResponseAt ?? services.Now,
                CitizenUnansweredSince = null,
            };
            session.Say(MessageKind.OperatorMessage, text.Trim(), services.Phrases.Buttons.ResolvedOnly(), from: Authors.Operator, operatorId: operatorId, articleId: articleId);
            return null;
        });

    /// <summary>Puts the conversation into another group's queue; refused (the operator keeps it) when the transfer limit is reached.</summary>
    public Task<DeskResult> TransferAsync(string conversationId, string operatorId, string toGroup, CancellationToken cancellationToken) =>
        ActAsync("transfer", conversationId, operatorId, cancellationToken, session =>
        {
            if (OwnedBy(session, operatorId) is { } refused)
            {
                return refused;
            }

            if (string.IsNullOrWhiteSpace(toGroup))
            {
                return Refuse(DeskError.NoGroup, Phrases.NoGroup, session);
            }

            var conversation = session.Conversation;
            var limit = services.Options.Handoff.MaxTransfers;
            if (conversation.Transfers >= limit)
            {
                services.Logger.TransferRefused(operatorId, conversationId, conversation.Transfers);
                return Refuse(DeskError.TransferLimit, BotPhrases.Fill(Phrases.TransferLimit, ("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))), session);
            }

            session.Conversation = conversation with
            {
                HandoffGroup = toGroup.Trim(),
                Transfers = conversation.Transfers + 1,
                OperatorId = null,
                QueuedAt = services.Now,
                LastActivityAt = services.Now,
            };
            session.Fire(ConversationTrigger.Transferred);
            session.Say(MessageKind.HandoffNotice, services.Phrases.HandoffTransferred, services.Phrases.Buttons.ResolvedOnly(), from: Authors.System);
            services.Logger.Transferred(operatorId, conversationId, toGroup, session.Conversation.Transfers);
            DialogMetrics.Transferred(toGroup.Trim());
            return null;
        });

    /// <summary>Closes the conversation; the citizen is asked for the rating (once).</summary>
    public Task<DeskResult> CloseAsync(string conversationId, string operatorId, CancellationToken cancellationToken) =>
        ActAsync("close", conversationId, operatorId, cancellationToken, session =>
        {
            if (OwnedBy(session, operatorId) is { } refused)
            {
                return refused;
            }

            services.Closer.Close(session, CloseReason.Operator);
            return null;
        });

    public async Task<TranscriptResult> GetTranscriptAsync(string conversationId, CancellationToken cancellationToken) =>
        await services.Stores.Conversations.GetAsync(conversationId, cancellationToken) is null
            ? new TranscriptResult(DeskError.NotFound, [])
            : new TranscriptResult(null, await services.Stores.Transcripts.ReadAsync(conversationId, 0, cancellationToken));

    private async Task<IReadOnlyList<Conversation>> AssignedAsync(string operatorId, CancellationToken cancellationToken) =>
        [.. (await services.Stores.Conversations.ListByStateAsync(ConversationState.WithOperator, cancellationToken)).Where(c => c.OperatorId == operatorId)];

    private async Task<IReadOnlyList<QueueEntry>> ToSummariesAsync(IReadOnlyList<Conversation> conversations, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>(conversations.Count);
        foreach (var conversation in conversations)
        {
            if (!_topics.TryGetValue(conversation.Id, out var topic))
            {
                var transcript = await services.Stores.Transcripts.ReadAsync(conversation.Id, 0, cancellationToken);
                topic = transcript.FirstOrDefault(e => e.From == Authors.Citizen)?.Text ?? string.Empty;
                _topics[conversation.Id] = topic;
            }

            entries.Add(Entry(conversation, topic, []));
        }

        return entries;
    }

    private QueueEntry Entry(Conversation conversation, string? topic, IReadOnlyList<Stores.TranscriptEntry> transcript) => new()
    {
        ConversationId = conversation.Id,
        Channel = conversation.Key.Channel,
        Group = conversation.HandoffGroup ?? string.Empty,
        State = conversation.State,
        Segment = conversation.Segment,
        OperatorId = conversation.OperatorId,
        PersonalManagerId = conversation.PersonalManagerId,
        Flags = conversation.Flags,
        LifeSituation = conversation.LifeSituation,
        ShownArticles = [.. conversation.ShownArticleIds.Select(id => new ShownArticle(id, services.Knowledge.FindArticle(id)?.Title ?? id))],
        Transfers = conversation.Transfers,
        TransfersLeft = Math.Max(0, services.Options.Handoff.MaxTransfers - conversation.Transfers),
        WaitingSince = conversation.QueuedAt ?? conversation.UpdatedAt,
        CitizenUnansweredSince = conversation.CitizenUnansweredSince,
        Topic = topic,
        Transcript = transcript,
    };

    private async Task<IReadOnlyList<QueueEntry>> ToEntriesAsync(IReadOnlyList<Conversation> conversations, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>(conversations.Count);
        foreach (var conversation in conversations)
        {
            var transcript = await services.Stores.Transcripts.ReadAsync(conversation.Id, 0, cancellationToken);
            entries.Add(Entry(conversation, transcript.FirstOrDefault(e => e.From == Authors.Citizen)?.Text, transcript));
        }

        return entries;
    }

    private DeskResult? OwnedBy(ConversationSession session, string operatorId)
    {
        var conversation = session.Conversation;
        if (conversation.State != ConversationState.WithOperator)
        {
            return Refuse(DeskError.WrongState, Phrases.WrongState, session);
        }

        return conversation.OperatorId == operatorId ? null : Refuse(DeskError.NotYours, Phrases.NotYours, session);
    }

    private static DeskResult Refuse(DeskError error, string message, ConversationSession session) => DeskResult.Refused(error, message, session.Conversation);

    /// <summary>Runs <paramref name="act"/> on the locked conversation and commits, unless it returns a refusal.</summary>
    private async Task<DeskResult> ActAsync(string action, string conversationId, string operatorId, CancellationToken cancellationToken,
        Func<ConversationSession, DeskResult?> act)
    {
        await using var session = await services.Sessions.OpenAsync(conversationId, cancellationToken);
        if (session is null)
        {
            services.Logger.DeskRefused(action, conversationId, operatorId, nameof(DeskError.NotFound));
            return DeskResult.Refused(DeskError.NotFound, Phrases.NotFound);
        }

        if (act(session) is { } refused)
        {
            services.Logger.DeskRefused(action, conversationId, operatorId, refused.Error.ToString()!);
            return refused;
        }

        await session.CommitAsync(cancellationToken);
        return DeskResult.Done(session.Conversation);
    }
}
