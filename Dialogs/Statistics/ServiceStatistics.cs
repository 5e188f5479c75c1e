using System.Globalization;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Statistics;

/// <summary>
/// Turns a closed or rated conversation into daily counters: outcome (bot alone or a person), fallbacks, transfers, times as
/// histograms, and ratings by article, life situation, channel, operator and segment. Dashboards sum them.
/// </summary>
internal sealed class ServiceStatistics(DialogServices services)
{
    /// <summary>Upper bounds (seconds) of the time histograms; the last bucket is "more".</summary>
    public static readonly int[] Buckets = [1, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 86400];

    public void Closed(ConversationSession session)
    {
        var conversation = session.Conversation;
        var now = services.Now;
        var counters = new List<StatCounter>
        {
            new("conversations", ""),
            new("outcome", conversation.FirstQueuedAt is null ? "bot" : "person"),
            new("transfers", conversation.Transfers > 2 ? "3+" : conversation.Transfers.ToString(CultureInfo.InvariantCulture)),
            new("duration", Bucket(now - conversation.CreatedAt)),
        };
        if (conversation.FallbackCount > 0)
        {
            counters.Add(new("fallback", "any"));
        }

        if (conversation.FirstQueuedAt is { } queued)
        {
            counters.Add(new("queue-wait", conversation.FirstAcceptedAt is { } accepted ? Bucket(accepted - queued) : "never"));
            counters.Add(new("first-response", conversation.FirstResponseAt is { } response ? Bucket(response - queued) : "never"));
        }

        session.AfterCommit(ct => services.Stores.Statistics.AddAsync(Day(now), conversation.Key.Channel, Segment(conversation), counters, ct));
    }

    /// <summary>The bot answered with <paramref name="articleId"/>; <paramref name="matched"/> is the KB phrasing that found it.</summary>
    /// <param name="pickedFromList">The citizen chose it from a clarify list (counted apart: no KB phrasing decided it).</param>
    public void Answered(ConversationSession session, string articleId, string? matched, bool pickedFromList) =>
        Add(session, [
            new("answered", articleId),
            .. matched is null ? Array.Empty<StatCounter>() : [new StatCounter("matched", $"{articleId}|{Shorten(matched)}")],
            .. pickedFromList ? [new StatCounter("chosen", articleId)] : Array.Empty<StatCounter>(),
        ]);

    /// <summary>
    /// A written request got its number <paramref name="after"/> the citizen's message that completed it was received: the
    /// standard asks for an acknowledgement at once, and a queue or a store outage shows here.
    /// </summary>
    public void RequestAcknowledged(ConversationSession session, TimeSpan after) => Add(session, [new("request-ack", Bucket(after))]);

    public void NotHelped(ConversationSession session, string articleId) => Add(session, [new("not-helped", articleId)]);

    /// <summary>A person was asked for right after this article was the answer.</summary>
    public void HandoverAfter(ConversationSession session, string articleId) => Add(session, [new("handover-after", articleId)]);

    public Task RatedAsync(Conversation conversation, int score, CancellationToken cancellationToken)
    {
        var s = score.ToString(CultureInfo.InvariantCulture);
        var counters = new List<StatCounter>
        {
            new("rating", $"all|{s}"),
            new("rating", $"channel|{conversation.Key.Channel}|{s}"),
            new("rating", $"segment|{Segment(conversation)}|{s}"),
        };
        counters.AddRange(conversation.ShownArticleIds.Distinct().Select(a => new StatCounter("rating", $"article|{a}|{s}")));
        if (conversation.LifeSituation is { } situation)
        {
            counters.Add(new("rating", $"situation|{situation}|{s}"));
        }

        if (conversation.OperatorId is { } op)
        {
            counters.Add(new("rating", $"operator|{op}|{s}"));
        }

        return services.Stores.Statistics.AddAsync(Day(services.Now), conversation.Key.Channel, Segment(conversation), counters, cancellationToken);
    }

    public static string Bucket(TimeSpan time)
    {
        var seconds = Math.Max(0, time.TotalSeconds);
        foreach (var bound in Buckets)
        {
            if (seconds <= bound)
            {
                return bound.ToString(CultureInfo.InvariantCulture);
            }
        }

        return "more";
    }

    private void Add(ConversationSession session, IReadOnlyList<StatCounter> counters)
    {
        var conversation = session.Conversation;
        var day = Day(services.Now);
        session.AfterCommit(ct => services.Stores.Statistics.AddAsync(day, conversation.Key.Channel, Segment(conversation), counters, ct));
    }

    /// <summary>KB phrasings only (never the citizen's words), cut so a key stays small.</summary>
    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120];

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string Segment(Conversation conversation) => conversation.Segment ?? "unknown";
}
