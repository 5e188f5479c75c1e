namespace Assistant.Bot.Host.Staff.Inbox;

/// <summary>One group of the moderators' inbox: questions that ask the same thing, with why they are here and the KB's guesses.</summary>
public sealed record InboxGroup(
    long Key,
    int Count,
    string Example,
    IReadOnlyList<InboxMessage> Messages,
    IReadOnlyDictionary<string, int> Kinds,
    IReadOnlyList<SuggestedArticle> Suggestions);

/// <summary>
/// A masked question of the inbox: never a contact, a name or any other personal data. <paramref name="Offered"/> are the
/// articles the bot had for it (the clarify list it offered, the articles it showed, its best guesses below the answer
/// threshold); <paramref name="Article"/> is the one involved: that did not help, was rated low, or an operator answered with.
/// </summary>
public sealed record InboxMessage(
    long Id,
    string Text,
    string Kind,
    string Channel,
    string? Segment,
    DateTimeOffset At,
    IReadOnlyList<SuggestedArticle> Offered,
    SuggestedArticle? Article);

public sealed record SuggestedArticle(string ArticleId, string Title);

/// <summary>
/// One grouping of the open questions, as of <paramref name="At"/>: the groups (biggest first) and the citizens' suggestions.
/// Attaching or dismissing takes the questions out of it (<see cref="Without"/>) instead of grouping everything again.
/// </summary>
/// <param name="Generation">Which grouping this is (they are numbered from 1 as they start).</param>
/// <param name="NewestId">The newest open question it saw: one newer means something was asked since.</param>
public sealed record InboxSnapshot(long Generation, DateTimeOffset At, long NewestId, IReadOnlyList<InboxGroup> Groups, IReadOnlyList<ChoiceSuggestion> Suggestions)
{
    /// <summary>How many open questions the groups hold (set by the constructor: make a changed snapshot with it, not with <c>with</c>).</summary>
    public int Questions { get; } = Groups.Sum(g => g.Count);

    /// <summary>The same grouping without these questions: emptied groups and suggestions go, the rest keep their keys, biggest first.</summary>
    public InboxSnapshot Without(IReadOnlySet<long> ids)
    {
        if (ids.Count == 0)
        {
            return this;
        }

        var groups = new List<InboxGroup>(Groups.Count);
        foreach (var group in Groups)
        {
            if (!group.Messages.Any(m => ids.Contains(m.Id)))
            {
                groups.Add(group);
                continue;
            }

            var left = group.Messages.Where(m => !ids.Contains(m.Id)).ToList();
            if (left.Count > 0)
            {
                groups.Add(group with
                {
                    Count = left.Count,
                    Messages = left,
                    Example = left.Any(m => m.Text == group.Example) ? group.Example : left[0].Text,
                    Kinds = left.GroupBy(m => m.Kind).ToDictionary(k => k.Key, k => k.Count()),
                });
            }
        }

        var suggestions = new List<ChoiceSuggestion>(Suggestions.Count);
        foreach (var suggestion in Suggestions)
        {
            var left = suggestion.MessageIds.Where(id => !ids.Contains(id)).ToList();
            if (left.Count == suggestion.MessageIds.Count)
            {
                suggestions.Add(suggestion);
            }
            else if (left.Count > 0)
            {
                suggestions.Add(suggestion with { Count = left.Count, MessageIds = left });
            }
        }

        // A stable sort: groups of the same size keep their order.
        return new InboxSnapshot(Generation, At, NewestId, [.. groups.OrderByDescending(g => g.Count)], [.. suggestions.OrderByDescending(s => s.Count)]);
    }
}
