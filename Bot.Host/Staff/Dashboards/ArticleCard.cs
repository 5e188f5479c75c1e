using System.Globalization;
using Assistant.Dialogs.Statistics;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.Dashboards;

/// <summary>One month of an article's ratings.</summary>
public sealed record MonthRating(DateOnly Month, long Count, double Mean);

/// <summary>
/// How one article serves citizens: answers (<paramref name="Chosen"/> of them picked by the citizen from a list of articles),
/// «Не помогло», handovers after it, ratings and their trend, the KB phrasings that found it.
/// </summary>
public sealed record ArticleCard(
    Article Article,
    long Answered,
    long Chosen,
    Share NotHelped,
    Share HandedOverAfter,
    CsatRow? Ratings,
    IReadOnlyList<MonthRating> Trend,
    IReadOnlyList<(string Phrasing, long Count)> Phrasings);

/// <summary>Builds an article's card from the aggregates (the last 180 days, the trend by month for six months).</summary>
public sealed class ArticleCards(DialogStores stores, KnowledgeService knowledge, TimeProvider time)
{
    public async Task<ArticleCard?> BuildAsync(string articleId, CancellationToken cancellationToken)
    {
        if (knowledge.FindArticle(articleId) is not { } article)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var totals = await stores.Statistics.SumAsync(new StatFilter(today.AddDays(-179), today), cancellationToken);
        long Sum(string metric, string key) => totals.Where(t => t.Metric == metric && t.Key == key).Sum(t => t.Value);
        var answered = Sum("answered", articleId);
        var prefix = articleId + "|";
        var phrasings = totals.Where(t => t.Metric == "matched" && t.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(t => (Phrasing: t.Key[prefix.Length..], Count: t.Value)).OrderByDescending(p => p.Count).Take(10).ToList();

        var trend = new List<MonthRating>();
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var i = 5; i >= 0; i--)
        {
            var start = month.AddMonths(-i);
            var monthTotals = await stores.Statistics.SumAsync(new StatFilter(start, start.AddMonths(1).AddDays(-1)), cancellationToken);
            var row = Ratings(articleId, article.Title, monthTotals);
            trend.Add(new MonthRating(start, row?.Count ?? 0, row?.Mean ?? 0));
        }

        return new ArticleCard(article, answered, Sum("chosen", articleId), new Share(Sum("not-helped", articleId), answered),
            new Share(Sum("handover-after", articleId), answered), Ratings(articleId, article.Title, totals), trend, phrasings);
    }

    private static CsatRow? Ratings(string articleId, string title, IReadOnlyList<StatTotal> totals)
    {
        var distribution = new long[5];
        var prefix = $"article|{articleId}|";
        foreach (var total in totals.Where(t => t.Metric == "rating" && t.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (int.TryParse(total.Key[prefix.Length..], CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
            {
                distribution[score - 1] += total.Value;
            }
        }

        var count = distribution.Sum();
        return count == 0 ? null : new CsatRow(articleId, title, count, Math.Round(distribution.Select((n, i) => n * (i + 1.0)).Sum() / count, 2), distribution);
    }
}
