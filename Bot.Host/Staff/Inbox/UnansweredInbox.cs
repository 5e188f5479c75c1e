using Assistant.Bot.Host.Staff.Audit;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.Inbox;

/// <summary>
/// The moderators' inbox: open unanswered questions grouped by what they ask, biggest groups first; a group's phrasings are
/// attached to an article (searchable from the next message on) or dismissed as «не относится к нам». Every decision is audited.
/// </summary>
public sealed class UnansweredInbox(DialogStores stores, KnowledgeService knowledge, AuditLog audit, KbEditor.ArticleHistory history, TimeProvider time)
{
    /// <summary>How many open questions are grouped at most (the newest).</summary>
    public const int Window = 10_000;

    // A reference swapped whole, so readers on other threads never see half of it.
    private volatile Snapshot? _recent;

    /// <summary>
    /// The groups as of at most a minute ago, for the dashboard's «частые вопросы без ответа»: grouping ten thousand messages
    /// takes over a second, a dashboard view must not.
    /// </summary>
    public async Task<IReadOnlyList<InboxGroup>> RecentGroupsAsync(CancellationToken cancellationToken)
    {
        if (_recent is { } recent && time.GetUtcNow() - recent.At < TimeSpan.FromMinutes(1))
        {
            return recent.Groups;
        }

        return await GroupsAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboxGroup>> GroupsAsync(CancellationToken cancellationToken)
    {
        var open = (await stores.Unanswered.ListAsync(UnansweredStatus.Open, Window, cancellationToken))
            .Where(m => m.Kind != UnansweredKind.CitizenChoice).ToList();
        if (open.Count == 0)
        {
            _recent = new Snapshot(time.GetUtcNow(), []);
            return [];
        }

        // Grouped by what the messages ask: «мой телефон [телефон]» and «[телефон] перезвоните» share a token, not a question.
        var groups = await knowledge.GroupAsync([.. open.Select(m => Assistant.Dialogs.Privacy.PersonalDataMasker.WithoutTokens(m.Text))], cancellationToken);
        IReadOnlyList<InboxGroup> result = [.. groups.Select(g =>
        {
            var members = g.Members.Select(i => open[i]).ToList();
            var representative = open[g.Representative];

            // What operators answered with is the strongest hint, then the bot's own guesses for the group.
            var fromOperators = members.Where(m => m.Kind == UnansweredKind.OperatorTemplate && m.ArticleId is not null).Select(m => m.ArticleId!);
            var suggestions = fromOperators.Concat(g.Suggestions.Select(c => c.ArticleId)).Distinct()
                .Select(id => knowledge.FindArticle(id)).OfType<Assistant.Knowledge.Model.Article>()
                .Take(3).Select(a => new SuggestedArticle(a.Id, a.Title)).ToList();
            return new InboxGroup(
                members.Min(m => m.Id),
                members.Count,
                representative.Text,
                [.. members.OrderByDescending(m => m.Id).Select(m => new InboxMessage(m.Id, m.Text, m.Kind.ToString(), m.Channel, m.Segment, m.At))],
                members.GroupBy(m => m.Kind.ToString()).ToDictionary(k => k.Key, k => k.Count()),
                suggestions);
        })];
        _recent = new Snapshot(time.GetUtcNow(), result);
        return result;
    }

    /// <summary>
    /// Citizens' own choices (QnA Maker's "active learning"): a phrasing and the article the citizen picked from a clarify list,
    /// with how many citizens did so, most frequent first. Approving attaches the phrasing; nothing is added without a person.
    /// </summary>
    public async Task<IReadOnlyList<ChoiceSuggestion>> SuggestionsAsync(CancellationToken cancellationToken) =>
        [.. (await stores.Unanswered.ListAsync(UnansweredStatus.Open, Window, cancellationToken))
            .Where(m => m.Kind == UnansweredKind.CitizenChoice && m.ArticleId is not null)
            .GroupBy(m => (Text: m.Text.Trim().ToLowerInvariant(), Article: m.ArticleId!))
            .Select(g => new ChoiceSuggestion(g.Min(m => m.Id), g.First().Text, g.Key.Article, knowledge.FindArticle(g.Key.Article)?.Title ?? g.Key.Article,
                g.Count(), [.. g.Select(m => m.Id)]))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Key)];

    /// <summary>Adds the chosen messages' phrasings to the article (each distinct text once) and closes them.</summary>
    public async Task<InboxResult> AttachAsync(string moderator, IReadOnlyCollection<long> messageIds, string articleId, CancellationToken cancellationToken)
    {
        if (knowledge.FindArticle(articleId) is null)
        {
            return new InboxResult(false, $"Статьи «{articleId}» нет в базе знаний.", 0);
        }

        var chosen = (await stores.Unanswered.ListAsync(UnansweredStatus.Open, Window, cancellationToken)).Where(m => messageIds.Contains(m.Id)).ToList();
        if (chosen.Count == 0)
        {
            return new InboxResult(false, "Выбранные вопросы уже разобраны.", 0);
        }

        var phrasings = chosen.Select(m => InboxPhrasing.Of(m.Text)).Where(t => t.Length is > 0 and <= Assistant.Knowledge.Import.KbValidator.MaxQuestionLength)
            .Distinct(StringComparer.OrdinalIgnoreCase).Select(t => (articleId, t)).ToList();
        var before = knowledge.FindArticle(articleId);
        var added = await knowledge.AddQuestionsAsync(phrasings, cancellationToken);
        if (added > 0 && knowledge.FindArticle(articleId) is { } after)
        {
            // The article changed like an edit in the editor does: its history shows it, and it can be compared and rolled back.
            await history.RecordAsync(before, after, moderator, CancellationToken.None);
        }

        await stores.Unanswered.ResolveAsync([.. chosen.Select(m => m.Id)], UnansweredStatus.Attached, articleId, cancellationToken);
        _recent = null;
        await audit.WriteAsync(moderator, "inbox-attach", details: $"{chosen.Count} questions, {added} phrasings to article {articleId}", cancellationToken: CancellationToken.None);
        return new InboxResult(true, $"Добавлено формулировок: {added}. Бот отвечает на них статьёй с этой минуты.", added);
    }

    /// <summary>«Не относится к нам»: the messages leave the inbox without changing the KB.</summary>
    public async Task<InboxResult> DismissAsync(string moderator, IReadOnlyCollection<long> messageIds, CancellationToken cancellationToken)
    {
        var closed = await stores.Unanswered.ResolveAsync(messageIds, UnansweredStatus.Dismissed, null, cancellationToken);
        _recent = null;
        await audit.WriteAsync(moderator, "inbox-dismiss", details: $"{closed} questions", cancellationToken: CancellationToken.None);
        return new InboxResult(closed > 0, closed > 0 ? $"Убрано из входящих: {closed}." : "Выбранные вопросы уже разобраны.", closed);
    }
}

public sealed record InboxResult(bool Succeeded, string Message, int Count);

/// <summary>"This phrasing belongs to that article", as <see cref="Count"/> citizens showed by their choice.</summary>
/// <summary>The KB takes a citizen's words, never the tokens that mask their data: «…мой телефон [телефон]» is attached without it.</summary>
public static class InboxPhrasing
{
    public static string Of(string text) =>
        string.Join(' ', Assistant.Dialogs.Privacy.PersonalDataMasker.WithoutTokens(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace(" ,", ",", StringComparison.Ordinal).TrimEnd(',', ';', ':', ' ', '—', '-');
}

public sealed record ChoiceSuggestion(long Key, string Text, string ArticleId, string Title, int Count, IReadOnlyList<long> MessageIds);

internal sealed record Snapshot(DateTimeOffset At, IReadOnlyList<InboxGroup> Groups);
