using System.Diagnostics;
using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// The KB as the rest of the product sees it: asks, imports and moderator edits, over the store and the current search index.
/// </summary>
public sealed class KnowledgeService(
    IKnowledgeStore store,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    Func<int, IVectorIndex> vectorIndexFactory,
    IOptions<RetrievalOptions> options,
    ILogger<KnowledgeService>? logger = null) : IKnowledgeSearch
{
    private readonly ILogger _log = logger ?? NullLogger<KnowledgeService>.Instance;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private KnowledgeIndex? _index;

    public RetrievalOptions Options => options.Value;

    public int QuestionCount => _index?.QuestionCount ?? 0;

    /// <summary>Loads the stored KB (importing <paramref name="seed"/> first when the store is empty) and builds the index.</summary>
    public async Task InitializeAsync(Func<KnowledgeBase>? seed, CancellationToken cancellationToken)
    {
        // Checked again inside the store's write: two hosts starting at once must not seed over what the first one stored since.
        if (seed is not null && await store.IsEmptyAsync(cancellationToken))
        {
            await store.ReplaceIfEmptyAsync(seed(), cancellationToken);
        }

        await RebuildAsync(cancellationToken);
    }

    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            var kb = await store.LoadAsync(cancellationToken);
            var analyzer = new TextAnalyzer(SynonymDictionary.BuiltIn.With(kb.Synonyms), Lexicon.Russian);
            var dimensions = await DimensionsAsync(cancellationToken);
            var index = await KnowledgeIndex.BuildAsync(kb, analyzer, vectorIndexFactory(dimensions), embedder, options.Value, cancellationToken);
            _index = index;

            // A shared collection may hold points of an earlier KB. They are deleted only if the KB is still the one just built
            // from: a host that built from an older snapshot must not delete what a newer KB added.
            var built = Fingerprint(kb);
            try
            {
                await index.Vectors.RetainOnlyAsync(index.VectorIds, async ct => Fingerprint(await store.LoadAsync(ct)) == built, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Housekeeping only: the new index is in place, and the next build prunes again.
                _log.VectorPruneFailed(RetrievalLog.Describe(e));
            }
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Validates and imports a whole KB; a file with any error changes nothing and its errors are returned.</summary>
    public async Task<KbValidationResult> ImportAsync(KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var validation = KbValidator.Validate(kb);
        if (!validation.IsValid)
        {
            return validation;
        }

        await store.ReplaceAsync(kb, cancellationToken);
        await RebuildAsync(cancellationToken);
        return validation;
    }

    public Task<KnowledgeBase> ExportAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);

    /// <summary>Adds a curated phrasing to an article; it is searchable from the next message on, no restart.</summary>
    public async Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return false;
        }

        // Under the rebuild lock: a rebuild that read the store before this question was stored must not replace the index after it.
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (!await store.AddQuestionAsync(articleId, question.Trim(), cancellationToken))
            {
                return false;
            }

            if (await Index.AddQuestionAsync(articleId, question.Trim(), CancellationToken.None) is { } vectorError)
            {
                _log.VectorWriteFailed(RetrievalLog.Describe(vectorError));
            }

            return true;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public Article? FindArticle(string articleId) => Index.FindArticle(articleId);

    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var index = Index;
        var total = Stopwatch.StartNew();

        var analyzed = index.AnalyzeQuery(request.Text ?? string.Empty);
        var analysisMs = total.Elapsed.TotalMilliseconds;
        if (analyzed.IsEmpty)
        {
            return new AskResult(Decision.Fallback, [], "fallback: the message has no words to search for",
                new AskTimings(analysisMs, 0, 0, total.Elapsed.TotalMilliseconds), analyzed.CleanText, analyzed.Corrections);
        }

        var vectorStart = total.Elapsed.TotalMilliseconds;
        var filter = new VectorFilter(request.LifeSituation, request.Segment, ArticleStatus.Published);
        IReadOnlyList<VectorHit> hits;
        try
        {
            var embedding = await index.Embedder.GenerateAsync(analyzed.CleanText, cancellationToken: cancellationToken);
            hits = await index.Vectors.SearchAsync(embedding.Vector, settings.VectorCandidates, filter, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A remote embedder or vector index that is down must not take answering down: the lexical signals and the
            // classifier carry the question on their own meanwhile. The message text is never logged.
            _log.VectorSearchFailed(RetrievalLog.Describe(e));
            hits = [];
        }

        var vectorMs = total.Elapsed.TotalMilliseconds - vectorStart;

        var lexicalStart = total.Elapsed.TotalMilliseconds;
        var evidence = index.SearchLexical(analyzed, settings.QueryCoverageShare);
        var lexicalMs = total.Elapsed.TotalMilliseconds - lexicalStart;

        var vectorFloor = hits.Count == settings.VectorCandidates ? hits[^1].Score : 0f;
        foreach (var hit in hits)
        {
            var current = evidence.GetValueOrDefault(hit.Payload.ArticleId);
            if (hit.Score > current.Vector)
            {
                evidence[hit.Payload.ArticleId] = current with { Vector = hit.Score };
            }
        }

        if (settings.ClassifierWeight > 0 && index.Classify(analyzed) is { } probabilities)
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
        var (decision, chosen, reason) = AnswerDecider.Decide(ranked, settings);
        var returned = ranked.Take(settings.ReturnedCandidates).ToList();
        var timings = new AskTimings(analysisMs, vectorMs, lexicalMs, total.Elapsed.TotalMilliseconds);
        return new AskResult(decision, returned, reason, timings, analyzed.CleanText, analyzed.Corrections) { Chosen = chosen };
    }

    /// <summary>What tells one KB version from another: every article's id, version, status and number of questions.</summary>
    private static string Fingerprint(KnowledgeBase kb) =>
        string.Join('\n', kb.Articles.Select(a => $"{a.Id}\t{a.Version}\t{a.Status}\t{a.Questions.Count}").Order(StringComparer.Ordinal));

    private KnowledgeIndex Index => _index ?? throw new InvalidOperationException("The knowledge base is not loaded yet: call InitializeAsync first.");

    private async Task<int> DimensionsAsync(CancellationToken cancellationToken)
    {
        var metadata = embedder.GetService<EmbeddingGeneratorMetadata>();
        if (metadata?.DefaultModelDimensions is { } known)
        {
            return known;
        }

        var probe = await embedder.GenerateAsync("проверка", cancellationToken: cancellationToken);
        return probe.Vector.Length;
    }
}
