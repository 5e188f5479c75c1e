using System.Diagnostics;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Evals;

/// <summary>
/// Imports a KB into a throw-away SQLite store, asks every question through KnowledgeService.AskAsync (the code path of POST /api/ask)
/// and through the BM25 baseline, and computes both sets of figures.
/// </summary>
public sealed class EvalRunner(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    Func<int, IVectorIndex> vectorIndexFactory,
    RetrievalOptions options)
{
    public Task<EvalRun> RunAsync(KnowledgeBase kb, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken) =>
        WithKnowledgeAsync(kb, async knowledge =>
        {
            var outcomes = await AskAllAsync(knowledge, questions, cancellationToken);
            var baselineOutcomes = Baseline(kb, questions);
            var report = EvalReport.From(EvalMetrics.Compute(outcomes), EvalMetrics.Compute(baselineOutcomes));
            return new EvalRun(report, outcomes, baselineOutcomes);
        }, cancellationToken);

    /// <summary>The BM25 baseline's outcomes on the same KB and questions.</summary>
    public static List<EvalOutcome> Baseline(KnowledgeBase kb, IReadOnlyList<EvalQuestion> questions)
    {
        using var baseline = new LuceneBaseline(kb);
        baseline.Ask(questions.FirstOrDefault() ?? new EvalQuestion("полис", null));
        return questions.Select(q => baseline.Ask(q)).ToList();
    }

    /// <summary>Runs <paramref name="work"/> on a KnowledgeService over a temporary store holding <paramref name="kb"/>.</summary>
    public async Task<T> WithKnowledgeAsync<T>(KnowledgeBase kb, Func<KnowledgeService, Task<T>> work, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "assistant-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new SqliteKnowledgeStore(Path.Combine(directory, "knowledge.db"));
            var settings = Options.Create(options.Copy());
            settings.Value.ReturnedCandidates = 10;
            var knowledge = new KnowledgeService(store, embedder, vectorIndexFactory, settings);
            var imported = await knowledge.ImportAsync(kb, cancellationToken);
            if (!imported.IsValid)
            {
                throw new InvalidDataException("The KB is invalid: " + string.Join("; ", imported.Errors));
            }

            return await work(knowledge);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    /// <summary>Asks every question as POST /api/ask does and records what the citizen would get.</summary>
    public static async Task<List<EvalOutcome>> AskAllAsync(KnowledgeService knowledge, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        // One untimed pass warms the JIT and caches so latency figures describe steady state.
        await knowledge.AskAsync(new AskRequest(questions.FirstOrDefault()?.Q ?? "полис"), cancellationToken);
        var outcomes = new List<EvalOutcome>(questions.Count);
        foreach (var question in questions)
        {
            var clock = Stopwatch.StartNew();
            var result = await knowledge.AskAsync(new AskRequest(question.Q), cancellationToken);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var ranked = result.Candidates.Select(c => c.ArticleId).ToList();
            var rank = question.Expected is null ? 0 : ranked.IndexOf(question.Expected) + 1;
            var decision = result.Decision.ToString().ToLowerInvariant();
            var answered = result.Decision == Decision.Answer ? result.Chosen[0].ArticleId : null;
            var offered = result.Decision == Decision.Clarify ? result.Chosen.Select(c => c.ArticleId).ToList() : [];
            outcomes.Add(new EvalOutcome(question, decision, answered, rank, ranked, elapsed, result.Reason,
                result.Candidates.Count > 0 ? result.Candidates[0].Score : 0, result.Candidates.Count > 1 ? result.Candidates[1].Score : 0, offered, result.Candidates));
        }

        return outcomes;
    }
}

public sealed record EvalRun(EvalReport Report, IReadOnlyList<EvalOutcome> Assistant, IReadOnlyList<EvalOutcome> Baseline);
