using Assistant.Bot.Host.Staff.Audit;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Statistics;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.Inbox;

/// <summary>
/// The moderators' inbox: open unanswered questions grouped by what they ask, biggest groups first; a group's phrasings are
/// attached to an article (searchable from the next message on) or dismissed as «не относится к нам». Every decision is audited.
/// </summary>
/// <remarks>
/// Grouping ten thousand questions takes seconds, so one grouping is kept (<see cref="Current"/>) and shared: the page reuses it
/// while nothing new was asked, an attach or a dismiss takes its questions out of it, the dashboard reads it and asks for a new
/// one in the background. Only «Обновить список» (or something asked since) groups everything again, one grouping at a time.
/// </remarks>
public sealed class UnansweredInbox(DialogStores stores, KnowledgeService knowledge, AuditLog audit, KbEditor.ArticleHistory history, TimeProvider time,
    ILogger<UnansweredInbox> logger)
{
    /// <summary>How many open questions are grouped at most (the newest).</summary>
    public const int Window = 10_000;

    /// <summary>How long the page reuses a grouping when no question was kept since (another host may have resolved some).</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(10);

    /// <summary>The dashboard asks for a new grouping, in the background, when its grouping is older than this.</summary>
    public static readonly TimeSpan DashboardFreshFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _grouping = new(1, 1);
    private readonly Lock _gate = new();
    private InboxSnapshot? _current;
    private HashSet<long>? _resolvedWhileGrouping;
    private long _started;
    private Task<InboxSnapshot?>? _background;

    /// <summary>The last grouping, with what was attached or dismissed since taken out; null before the first.</summary>
    public InboxSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>The groups as the page opens them: the current grouping when nothing was asked since it, else a new one.</summary>
    public async Task<InboxSnapshot> OpenAsync(CancellationToken cancellationToken) =>
        Current is { } current && await NothingAskedSinceAsync(current, cancellationToken) ? current : await RegroupAsync(cancellationToken);

    /// <summary>
    /// Whether <paramref name="current"/> still stands: made within <see cref="ReuseFor"/> (another host may have resolved some
    /// since) and no question kept after it (one indexed read of the newest open question).
    /// </summary>
    private async Task<bool> NothingAskedSinceAsync(InboxSnapshot current, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - current.At >= ReuseFor)
        {
            return false;
        }

        var newest = await stores.Unanswered.ListAsync(UnansweredStatus.Open, 1, cancellationToken);
        return newest.Count > 0 ? newest[0].Id <= current.NewestId : current.Questions == 0 && current.Suggestions.Count == 0;
    }

    /// <summary>
    /// Groups the open questions again («Обновить список»). Callers at the same time share one grouping: a caller waiting for
    /// another one gets the grouping that started after its call, which saw everything asked before it.
    /// </summary>
    public async Task<InboxSnapshot> RegroupAsync(CancellationToken cancellationToken)
    {
        var asked = Interlocked.Read(ref _started);
        await _grouping.WaitAsync(cancellationToken);
        try
        {
            if (Current is { } current && current.Generation > asked)
            {
                return current;
            }

            var generation = Interlocked.Increment(ref _started);
            lock (_gate)
            {
                _resolvedWhileGrouping = [];
            }

            var made = await MakeAsync(generation, cancellationToken);
            lock (_gate)
            {
                // Attached or dismissed while the grouping read the store: it may still hold them.
                made = made.Without(_resolvedWhileGrouping!);
                Volatile.Write(ref _current, made);
            }

            return made;
        }
        finally
        {
            lock (_gate)
            {
                _resolvedWhileGrouping = null;
            }

            _grouping.Release();
        }
    }

    /// <summary>The groups, as <c>GET /api/moderation/inbox</c> lists them.</summary>
    public async Task<IReadOnlyList<InboxGroup>> GroupsAsync(CancellationToken cancellationToken) => (await OpenAsync(cancellationToken)).Groups;

    /// <summary>
    /// The dashboard's «частые вопросы без ответа», never held up by a grouping: the current grouping at once (a new one is made
    /// in the background when it is over a minute old); with none yet, the new one if it is ready within <paramref name="wait"/>.
    /// </summary>
    public async Task<InboxSnapshot?> LatestAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var current = Current;
        if (current is not null && (time.GetUtcNow() - current.At < DashboardFreshFor || await NothingAskedSinceAsync(current, cancellationToken)))
        {
            return current;
        }

        var refresh = RegroupInBackground();
        if (current is not null)
        {
            return current;
        }

        try
        {
            return await refresh.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return Current;
        }
    }

    private Task<InboxSnapshot?> RegroupInBackground()
    {
        lock (_gate)
        {
            if (_background is { IsCompleted: false } running)
            {
                return running;
            }

            return _background = Task.Run(async () =>
            {
                try
                {
                    return (InboxSnapshot?)await RegroupAsync(CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "The inbox could not be grouped in the background");
                    return null;
                }
            });
        }
    }

    private async Task<InboxSnapshot> MakeAsync(long generation, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var all = await stores.Unanswered.ListAsync(UnansweredStatus.Open, Window, cancellationToken);
        var newest = all.Count > 0 ? all.Max(m => m.Id) : 0;
        var suggestions = Suggestions(all);
        var open = all.Where(m => m.Kind != UnansweredKind.CitizenChoice).ToList();
        if (open.Count == 0)
        {
            return new InboxSnapshot(generation, at, newest, [], suggestions);
        }

        // Grouped by what the messages ask: «мой телефон [телефон]» and «[телефон] перезвоните» share a token, not a question.
        var groups = await knowledge.GroupAsync([.. open.Select(m => Assistant.Dialogs.Privacy.PersonalDataMasker.WithoutTokens(m.Text))], cancellationToken);
        var titles = new Dictionary<string, SuggestedArticle>(StringComparer.Ordinal);
        SuggestedArticle Titled(string id)
        {
            if (!titles.TryGetValue(id, out var titled))
            {
                titles[id] = titled = new SuggestedArticle(id, knowledge.FindArticle(id)?.Title ?? id);
            }

            return titled;
        }

        InboxMessage ToMessage(UnansweredMessage m) => new(m.Id, m.Text, m.Kind.ToString(), m.Channel, m.Segment, m.At,
            [.. m.CandidateArticleIds.Where(id => id != m.ArticleId).Select(Titled)], m.ArticleId is { } article ? Titled(article) : null);

        IReadOnlyList<InboxGroup> result = [.. groups.Select(g =>
        {
            var members = g.Members.Select(i => open[i]).ToList();
            var representative = open[g.Representative];

            // What operators answered with is the strongest hint, then the bot's own guesses for the group.
            var fromOperators = members.Where(m => m.Kind == UnansweredKind.OperatorTemplate && m.ArticleId is not null).Select(m => m.ArticleId!);
            var suggested = fromOperators.Concat(g.Suggestions.Select(c => c.ArticleId)).Distinct()
                .Select(id => knowledge.FindArticle(id)).OfType<Assistant.Knowledge.Model.Article>()
                .Take(3).Select(a => new SuggestedArticle(a.Id, a.Title)).ToList();
            return new InboxGroup(
                members.Min(m => m.Id),
                members.Count,
                representative.Text,
                [.. members.OrderByDescending(m => m.Id).Select(ToMessage)],
                members.GroupBy(m => m.Kind.ToString()).ToDictionary(k => k.Key, k => k.Count()),
                suggested);
        })];
        return new InboxSnapshot(generation, at, newest, result, suggestions);
    }

    /// <summary>
    /// Citizens' own choices (QnA Maker's "active learning"): a phrasing and the article the citizen picked from a clarify list,
    /// with how many citizens did so, most frequent first. Approving attaches the phrasing; nothing is added without a person.
    /// </summary>
    public async Task<IReadOnlyList<ChoiceSuggestion>> SuggestionsAsync(CancellationToken cancellationToken) =>
        Suggestions(await stores.Unanswered.ListAsync(UnansweredStatus.Open, Window, cancellationToken));

    private IReadOnlyList<ChoiceSuggestion> Suggestions(IEnumerable<UnansweredMessage> open) =>
        [.. open
            .Where(m => m.Kind == UnansweredKind.CitizenChoice && m.ArticleId is not null)
            .GroupBy(m => (Text: m.Text.Trim().ToLowerInvariant(), Article: m.ArticleId!))
            .Select(g => new ChoiceSuggestion(g.Min(m => m.Id), g.First().Text, g.Key.Article, knowledge.FindArticle(g.Key.Article)?.Title ?? g.Key.Article,
                g.Count(), [.. g.Select(m => m.Id)]))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Key)];

    /// <summary>
    /// Adds the chosen messages' phrasings to the article and closes them: each distinct phrasing once, without the masking
    /// tokens and their cue words, and none the article already has (compared by words, case and «ё» aside).
    /// </summary>
    public async Task<InboxResult> AttachAsync(string moderator, IReadOnlyCollection<long> messageIds, string articleId, CancellationToken cancellationToken)
    {
        // One attach at a time on this host: a double click, a retried call or two moderators on one group must not read the
        // same questions as open and add their phrasings twice; the second finds them taken.
        await _attaching.WaitAsync(cancellationToken);
        try
        {
            return await AttachOnceAsync(moderator, messageIds, articleId, cancellationToken);
        }
        finally
        {
            _attaching.Release();
        }
    }

    private readonly SemaphoreSlim _attaching = new(1, 1);

    private async Task<InboxResult> AttachOnceAsync(string moderator, IReadOnlyCollection<long> messageIds, string articleId, CancellationToken cancellationToken)
    {
        if (knowledge.FindArticle(articleId) is not { } before)
        {
            return new InboxResult(false, $"Статьи «{articleId}» нет в базе знаний.", 0);
        }

        var chosen = await stores.Unanswered.ListOpenAsync(messageIds, cancellationToken);
        if (chosen.Count == 0)
        {
            // Another moderator (perhaps on another host) took them: the kept grouping must stop showing them here too.
            Forget(messageIds);
            return new InboxResult(false, "Выбранные вопросы уже разобраны.", 0);
        }

        var known = before.Questions.Append(before.Title).Select(InboxPhrasing.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var phrasings = new List<(string ArticleId, string Question)>();
        var duplicates = 0;
        var withNumbers = 0;
        // The earliest wording of a phrasing is the one kept: the order the citizens asked in, whatever the store returns.
        foreach (var phrasing in chosen.OrderBy(m => m.Id).Select(m => InboxPhrasing.Of(m.Text)))
        {
            var key = InboxPhrasing.Key(phrasing);
            if (key.Length == 0 || phrasing.Length > Assistant.Knowledge.Import.KbValidator.MaxQuestionLength || !seen.Add(key))
            {
                continue;
            }

            if (InboxPhrasing.HasLongNumber(phrasing))
            {
                withNumbers++;
                continue;
            }

            if (known.Contains(key))
            {
                duplicates++;
            }
            else
            {
                phrasings.Add((articleId, phrasing));
            }
        }

        var added = phrasings.Count > 0 ? await knowledge.AddQuestionsAsync(phrasings, cancellationToken) : 0;
        if (added > 0 && knowledge.FindArticle(articleId) is { } after)
        {
            // The article changed like an edit in the editor does: its history shows it, and it can be compared and rolled back.
            await history.RecordPhrasingsAsync(before, after, [.. phrasings.Select(p => p.Question)], moderator, CancellationToken.None);
        }

        var ids = chosen.Select(m => m.Id).ToList();
        var closed = await stores.Unanswered.ResolveAsync(ids, UnansweredStatus.Attached, articleId, CancellationToken.None);
        Forget(messageIds);
        await audit.WriteAsync(moderator, "inbox-attach",
            details: $"{chosen.Count} questions, {added} phrasings to article {articleId}, {duplicates} already there", cancellationToken: CancellationToken.None);
        var message = $"Прикреплены к статье «{before.Title}»: {Dashboards.RussianFigures.Count(closed, "вопрос", "вопроса", "вопросов")}. Добавлено формулировок: {added}"
            + (duplicates > 0 ? $"; уже были в статье и пропущены: {duplicates}" : "")
            + (withNumbers > 0 ? $"; с длинными номерами (похоже на личные данные) не добавлены: {withNumbers}" : "")
            + (added > 0 ? ". Бот отвечает на них статьёй с этой минуты." : ".");
        return new InboxResult(true, message, added, duplicates);
    }

    /// <summary>«Не относится к нам»: the messages leave the inbox without changing the KB.</summary>
    public async Task<InboxResult> DismissAsync(string moderator, IReadOnlyCollection<long> messageIds, CancellationToken cancellationToken)
    {
        var closed = await stores.Unanswered.ResolveAsync(messageIds, UnansweredStatus.Dismissed, null, cancellationToken);
        Forget(messageIds);
        await audit.WriteAsync(moderator, "inbox-dismiss", details: $"{closed} questions", cancellationToken: CancellationToken.None);
        return new InboxResult(closed > 0, closed > 0 ? $"Убраны из входящих: {Dashboards.RussianFigures.Count(closed, "вопрос", "вопроса", "вопросов")}." : "Выбранные вопросы уже разобраны.", closed);
    }

    /// <summary>
    /// After an article went back to an earlier version: the questions attached to it whose phrasing the rollback took out
    /// (<paramref name="before"/> had it, <paramref name="restored"/> has not) go back to the inbox, as if never attached. A
    /// question whose phrasing never went in (skipped at the attach) or left the article earlier stays as it is.
    /// Returns how many went back.
    /// </summary>
    public async Task<int> ReopenUndoneAsync(Assistant.Knowledge.Model.Article before, Assistant.Knowledge.Model.Article restored, CancellationToken cancellationToken)
    {
        static HashSet<string> Keys(Assistant.Knowledge.Model.Article a) => a.Questions.Append(a.Title).Select(InboxPhrasing.Key).ToHashSet(StringComparer.Ordinal);
        var (had, kept) = (Keys(before), Keys(restored));
        var undone = (await stores.Unanswered.ListAttachedAsync(restored.Id, cancellationToken))
            .Where(m => InboxPhrasing.Key(InboxPhrasing.Of(m.Text)) is { Length: > 0 } key && had.Contains(key) && !kept.Contains(key))
            .Select(m => m.Id)
            .ToList();
        var reopened = await stores.Unanswered.ReopenAsync(undone, cancellationToken);
        if (reopened > 0)
        {
            // The kept grouping knows nothing of them (their ids are older than its newest): the next page open groups again.
            lock (_gate)
            {
                Volatile.Write(ref _current, null);
            }
        }

        return reopened;
    }

    /// <summary>Takes resolved questions out of the current grouping (and out of one being made now).</summary>
    private void Forget(IEnumerable<long> ids)
    {
        var set = ids.ToHashSet();
        lock (_gate)
        {
            _resolvedWhileGrouping?.UnionWith(set);
            if (_current is { } current)
            {
                Volatile.Write(ref _current, current.Without(set));
            }
        }
    }

    /// <summary>
    /// The biggest groups among the questions that match the dashboard's period, channel and segment, each counted by those
    /// questions only and shown by one of them.
    /// </summary>
    public static IReadOnlyList<(string Example, int Count)> Top(InboxSnapshot snapshot, StatFilter filter, int count)
    {
        bool Matches(InboxMessage m)
        {
            var day = DateOnly.FromDateTime(m.At.UtcDateTime);
            return day >= filter.From && day <= filter.To
                && (filter.Channel is null || string.Equals(m.Channel, filter.Channel, StringComparison.OrdinalIgnoreCase))
                && (filter.Segment is null || (m.Segment ?? "unknown") == filter.Segment);
        }

        return [.. snapshot.Groups
            .Select(g => (Group: g, Matching: g.Messages.Where(Matches).ToList()))
            .Where(x => x.Matching.Count > 0)
            .OrderByDescending(x => x.Matching.Count)
            .Take(count)
            .Select(x => (x.Matching.Any(m => m.Text == x.Group.Example) ? x.Group.Example : x.Matching[0].Text, x.Matching.Count))];
    }

}

/// <param name="Count">Attach: the phrasings added; dismiss: the questions closed.</param>
/// <param name="Skipped">Attach: the phrasings left out because the article already has them.</param>
public sealed record InboxResult(bool Succeeded, string Message, int Count, int Skipped = 0);

/// <summary>"This phrasing belongs to that article", as <see cref="Count"/> citizens showed by their choice.</summary>
public sealed record ChoiceSuggestion(long Key, string Text, string ArticleId, string Title, int Count, IReadOnlyList<long> MessageIds);
