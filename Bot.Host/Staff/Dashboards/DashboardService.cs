using System.Globalization;
using Assistant.Bot.Host.Staff.Inbox;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Statistics;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.Dashboards;

/// <summary>
/// The supervisors' figures from the daily aggregates (one summing query per view, whatever the number of conversations), the
/// written requests desk and the inbox. No personal data: ids and titles of articles, life situations, operators and counts.
/// </summary>
public sealed class DashboardService(DialogStores stores, RequestDesk requests, UnansweredInbox inbox, KnowledgeService knowledge, Console.StaffNames names)
{
    public static readonly (string Dimension, string Title)[] Dimensions =
    [
        ("article", "Оценки по статьям"), ("situation", "Оценки по жизненным ситуациям"), ("channel", "Оценки по каналам"),
        ("operator", "Оценки по операторам"), ("segment", "Оценки по категориям обратившихся"),
    ];

    public async Task<DashboardModel> BuildAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        var totals = await stores.Statistics.SumAsync(filter, cancellationToken);
        long Sum(string metric, string? key = null) => totals.Where(t => t.Metric == metric && (key is null || t.Key == key)).Sum(t => t.Value);

        var conversations = Sum("conversations");
        var transfers = new[] { "0", "1", "2", "3+" }.Select(k => new TransferCount(k, Sum("transfers", k))).ToList();
        var times = new[] { ("first-response", "Время до первого ответа оператора"), ("queue-wait", "Ожидание в очереди"), ("duration", "Время до закрытия диалога"), ("request-ack", "Подтверждение письменного обращения номером") }
            .Select(t => Time(t.Item2, totals.Where(x => x.Metric == t.Item1).ToList())).ToList();
        var situations = await names.SituationsAsync(cancellationToken);

        // The inbox's last grouping, never a new one in the view: grouping ten thousand questions takes seconds.
        var unanswered = await inbox.LatestAsync(TimeSpan.FromMilliseconds(300), cancellationToken);
        var csat = Dimensions.Select(d => Csat(d.Dimension, d.Title, totals.Where(t => t.Metric == "rating").ToList(), situations)).ToList();
        return new DashboardModel(
            filter,
            conversations,
            new Share(Sum("outcome", "bot"), conversations),
            new Share(Sum("fallback", "any"), conversations),
            new Share(Sum("outcome", "person"), conversations),
            transfers,
            times,
            csat,
            await RequestsAsync(filter, cancellationToken),
            [.. unanswered is null ? [] : UnansweredInbox.Top(unanswered, filter, 5).Select(t => new UnansweredFigure(t.Example, t.Count))],
            unanswered?.At);
    }

    private CsatTable Csat(string dimension, string title, List<StatTotal> ratings, Func<string?, string> situations)
    {
        var rows = ratings
            .Select(t => t.Key.Split('|'))
            .Zip(ratings, (parts, total) => (Parts: parts, total.Value))
            .Where(x => x.Parts.Length == 3 && x.Parts[0] == dimension)
            .GroupBy(x => x.Parts[1])
            .Select(g =>
            {
                var distribution = new long[5];
                foreach (var (parts, value) in g)
                {
                    if (int.TryParse(parts[2], CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
                    {
                        distribution[score - 1] += value;
                    }
                }

                var count = distribution.Sum();
                var mean = count == 0 ? 0 : distribution.Select((n, i) => n * (i + 1.0)).Sum() / count;
                return new CsatRow(g.Key, TitleOf(dimension, g.Key, situations), count, Math.Round(mean, 2), distribution);
            })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return new CsatTable(dimension, title, rows);
    }

    private string TitleOf(string dimension, string key, Func<string?, string> situations) => dimension switch
    {
        "article" => knowledge.FindArticle(key)?.Title ?? key,
        "situation" => situations(key),
        "channel" => Console.ConsoleText.ChannelName(key),
        "segment" => key == "unknown" ? "не указана" : Console.ConsoleText.SegmentName(key),
        _ => key,
    };

    private static TimeFigure Time(string name, List<StatTotal> histogram)
    {
        var never = histogram.Where(h => h.Key == "never").Sum(h => h.Value);
        var buckets = histogram.Where(h => h.Key != "never")
            .Select(h => (Bound: h.Key == "more" ? int.MaxValue : int.Parse(h.Key, CultureInfo.InvariantCulture), h.Value))
            .GroupBy(b => b.Bound).Select(g => (Bound: g.Key, Value: g.Sum(x => x.Value))).OrderBy(b => b.Bound).ToList();
        var count = buckets.Sum(b => b.Value);
        int? Percentile(double p)
        {
            if (count == 0)
            {
                return null;
            }

            long seen = 0;
            foreach (var (bound, value) in buckets)
            {
                seen += value;
                if (seen >= p * count)
                {
                    return bound;
                }
            }

            return buckets[^1].Bound;
        }

        return new TimeFigure(name, count, Percentile(0.5), Percentile(0.9), never);
    }

    private async Task<RequestFigures> RequestsAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(filter.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(filter.To.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var now = requests.Now;
        var filed = (await requests.ListAsync(cancellationToken))
            .Where(r => r.Request.CreatedAt >= from && r.Request.CreatedAt <= to && (filter.Channel is null || r.Request.Channel == filter.Channel))
            .ToList();
        bool Answered(DeskRequest r) => r.Work.AnsweredAt is not null;
        return new RequestFigures(
            filed.Count,
            filed.Count(r => Answered(r) && r.Work.AnsweredAt <= r.Request.DueAt),
            filed.Count(r => Answered(r) && r.Work.AnsweredAt > r.Request.DueAt),
            filed.Count(r => r.IsOverdueAt(now)),
            filed.Count(r => !Answered(r) && r.Work.Status != RequestStatus.Closed && !r.IsOverdueAt(now)),
            filed.Count(r => !Answered(r) && r.Work.Status == RequestStatus.Closed));
    }
}
