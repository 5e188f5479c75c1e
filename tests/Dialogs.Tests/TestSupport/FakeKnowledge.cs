using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>
/// A KB whose decisions are scripted: "a message containing X is answered with article A", "…clarified between A and B" or
/// "…not answered, A being the nearest"; anything else falls back with no candidates. A life-situation filter in the request hides the rules of other life situations, as the real
/// search does. It also counts how many asks ran at once.
/// </summary>
public sealed class FakeKnowledge : IKnowledgeSearch
{
    private readonly Dictionary<string, Article> _articles;
    private readonly List<(string Text, Decision Decision, string[] ArticleIds, string? OnlyWithin)> _rules = [];
    private readonly List<AskRequest> _requests = [];
    private int _running;
    private int _maxRunning;

    public FakeKnowledge(params Article[] articles) => _articles = articles.ToDictionary(a => a.Id);

    public int MaxConcurrentAsks => Volatile.Read(ref _maxRunning);

    public IReadOnlyList<AskRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static Article Article(string id, string lifeSituation, string title, string? group = null, string? answer = null) => new()
    {
        Id = id,
        LifeSituation = lifeSituation,
        Title = title,
        Questions = [title],
        Answer = answer ?? $"Ответ: {title}.",
        Sources = [new ArticleSource("Источник " + id, $"https://example.gov.ru/{id}")],
        HandoffGroup = group,
    };

    /// <summary>A message containing <paramref name="text"/> gets the answer <paramref name="articleId"/>; with <paramref name="onlyWithin"/>, only when searched within that life situation.</summary>
    public FakeKnowledge Answer(string text, string articleId, string? onlyWithin = null)
    {
        _rules.Add((text, Decision.Answer, [articleId], onlyWithin));
        return this;
    }

    public FakeKnowledge Clarify(string text, params string[] articleIds)
    {
        _rules.Add((text, Decision.Clarify, articleIds, null));
        return this;
    }

    /// <summary>A message containing <paramref name="text"/> gets «нет ответа», with <paramref name="nearest"/> as the candidates the search had.</summary>
    public FakeKnowledge NoAnswer(string text, params string[] nearest)
    {
        _rules.Add((text, Decision.Fallback, nearest, null));
        return this;
    }

    public Article? FindArticle(string articleId) => _articles.GetValueOrDefault(articleId);

    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        try
        {
            // Give any other turn that is not properly serialised the chance to run in between.
            await Task.Yield();
            lock (_requests)
            {
                _requests.Add(request);
            }

            var text = request.Text ?? string.Empty;
            var rule = _rules.FirstOrDefault(r => text.Contains(r.Text, StringComparison.OrdinalIgnoreCase)
                && (r.OnlyWithin is null || r.OnlyWithin == request.LifeSituation)
                && (request.LifeSituation is null || r.ArticleIds.All(id => _articles[id].LifeSituation == request.LifeSituation)));
            if (rule.ArticleIds is null)
            {
                return Result(Decision.Fallback, []);
            }

            return Result(rule.Decision, [.. rule.ArticleIds.Select(id => _articles[id])]);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static AskResult Result(Decision decision, IReadOnlyList<Article> chosen)
    {
        var candidates = chosen.Select(a => new Candidate(a.Id, a.Title, a.LifeSituation, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f, a.Title)).ToList();
        return new AskResult(decision, candidates, "scripted", new AskTimings(0, 0, 0, 0), "", []) { Chosen = decision == Decision.Fallback ? [] : candidates };
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }
}
