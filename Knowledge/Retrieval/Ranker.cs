using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Index;
using Microsoft.Extensions.AI;

namespace Assistant.Knowledge.Retrieval;

/// <summary>A question text left out of its own search: calibration scores each curated phrasing against the KB without itself.</summary>
internal readonly record struct LeaveOut(int TextId, string VectorId);

/// <summary>Searches one analysed message with every signal and fuses them into ranked candidates (best first).</summary>
internal static class Ranker
{
    public static async Task<Ranking> RankAsync(
        KnowledgeIndex index,
        AnalyzedText analyzed,
        VectorFilter filter,
        RetrievalOptions settings,
        Action<Exception> vectorFailed,
        CancellationToken cancellationToken,
        LeaveOut? leaveOut = null,
        ArticleClassifier? classifier = null,
        bool useVectors = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var hits = useVectors ? await SearchVectorsAsync(index, analyzed, filter, settings, vectorFailed, leaveOut, cancellationToken) : [];
        var vectorMs = clock.Elapsed.TotalMilliseconds;
        var evidence = index.SearchLexical(analyzed, settings.QueryCoverageShare, leaveOut?.TextId ?? -1);
        var lexicalMs = clock.Elapsed.TotalMilliseconds - vectorMs;

        var vectorFloor = hits.Count == settings.VectorCandidates ? hits[^1].Score : 0f;
        foreach (var hit in hits)
        {
            var current = evidence.GetValueOrDefault(hit.Payload.ArticleId);
            if (hit.Score > current.Vector)
            {
                evidence[hit.Payload.ArticleId] = current with { Vector = hit.Score };
            }
        }

        if (settings.ClassifierWeight > 0 && index.Classify(analyzed, classifier) is { } probabilities)
        {
            foreach (var (articleId, p) in probabilities)
            {
                if (evidence.TryGetValue(articleId, out var current))
                {
                    evidence[articleId] = current with { Classifier = p };
                }
                else if (p >= 0.05f)
                {
                    evidence[articleId] = new ArticleEvidence(0, 0, 0, null, p);
                }
            }
        }

        var ranked = new List<Candidate>(evidence.Count);
        foreach (var (articleId, e) in evidence)
        {
            var article = index.FindArticle(articleId);
            if (article is null || !filter.Matches(new VectorPayload(article.Id, article.LifeSituation, article.Segments, article.Status)))
            {
                continue;
            }

            // An article found only lexically still has some similarity below the k-th vector hit: the floor is a fair stand-in.
            var vector = Math.Max(0f, e.Vector > 0 ? e.Vector : vectorFloor);
            var score = settings.QuestionWeight * e.Lexical + settings.VectorWeight * vector + settings.AnswerWeight * e.AnswerText
                + settings.ClassifierWeight * e.Classifier;
            ranked.Add(new Candidate(article.Id, article.Title, article.LifeSituation, score, e.Lexical, vector, e.AnswerText, e.Classifier, e.MatchedText ?? article.Title));
        }

        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return new Ranking(ranked, analyzed.Terms.Count, vectorMs, lexicalMs, filter.LifeSituation is not null) { Text = analyzed.CleanText };
    }

    private static async Task<IReadOnlyList<VectorHit>> SearchVectorsAsync(
        KnowledgeIndex index,
        AnalyzedText analyzed,
        VectorFilter filter,
        RetrievalOptions settings,
        Action<Exception> vectorFailed,
        LeaveOut? leaveOut,
        CancellationToken cancellationToken)
    {
        try
        {
            var embedding = await index.Embedder.GenerateAsync(analyzed.CleanText, cancellationToken: cancellationToken);
            var k = settings.VectorCandidates + (leaveOut is null ? 0 : 1);
            var hits = await index.Vectors.SearchAsync(embedding.Vector, k, filter, cancellationToken);
            return leaveOut is { } left ? hits.Where(h => h.Id != left.VectorId).Take(settings.VectorCandidates).ToList() : hits;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A remote embedder or vector index that is down must not take answering down: the lexical signals and the
            // classifier carry the question on their own meanwhile.
            vectorFailed(e);
            return [];
        }
    }
}

/// <summary>
/// Ranked candidates of one reading of a message, with how many terms it had, what the search cost, and whether it was scoped to
/// one life situation (a follow-up inside the topic of the last answer).
/// </summary>
internal sealed record Ranking(List<Candidate> Ranked, int Terms, double VectorMs, double LexicalMs, bool Scoped = false)
{
    /// <summary>The normalised text that was searched (null for calibration's stored rankings).</summary>
    public string? Text { get; init; }
}
