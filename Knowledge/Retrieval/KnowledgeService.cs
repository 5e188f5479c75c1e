using System.Diagnostics;
using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval.Calibration;
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
    /// <summary>Above this managed heap after a build, the memory the build freed is given back at once.</summary>
    private const long LargeHeapBytes = 128L * 1024 * 1024;

    private const long GiveBackIntervalMs = 60_000;

    private long _memoryGivenBackAt = long.MinValue / 2;

    private readonly SemaphoreSlim _rebuild = new(1, 1);

    /// <summary>
    /// One change of the stored KB at a time on this host: a save reads the whole KB and stores it back with its change, so two
    /// saves (or a save and an inbox attach) at once would otherwise store one of them over the other. Taken before <see cref="_rebuild"/>.
    /// </summary>
    private readonly SemaphoreSlim _write = new(1, 1);
    private KnowledgeIndex? _index;
    private readonly Lazy<IReadOnlyList<string>> _outOfDomain = new(() => OutOfDomainMessages.Load(options.Value.OutOfDomainPath));

    public RetrievalOptions Options => options.Value;

    public int QuestionCount => _index?.QuestionCount ?? 0;

    /// <summary>Whether a search index has been built: until then nothing can be answered.</summary>
    public bool IsLoaded => _index is not null;

    /// <summary>The decision boundaries learnt on the current KB (null until loaded, or when it is too small to calibrate).</summary>
    internal DecisionCalibration? Calibration => _index?.Calibration;

    /// <summary>The last calibration of the current KB, or null (not loaded, or too small to calibrate).</summary>
    public CalibrationSummary? LastCalibration => _index?.Calibration?.Summary();

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
        var clock = Stopwatch.StartNew();
        var ok = false;
        try
        {
            var kb = await store.LoadAsync(cancellationToken);
            var analyzer = new TextAnalyzer(SynonymDictionary.BuiltIn.With(kb.Synonyms), Lexicon.Russian);
            var dimensions = await DimensionsAsync(cancellationToken);
            var index = await KnowledgeIndex.BuildAsync(kb, analyzer, vectorIndexFactory(dimensions), embedder, options.Value, cancellationToken);
            await CalibrateAsync(index, cancellationToken);
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

            ok = true;
        }
        finally
        {
            KnowledgeMetrics.Reloaded(ok, clock.Elapsed);
            _rebuild.Release();
        }

        GiveBackMemory();
    }

    /// <summary>
    /// A build allocates far more than the index it leaves (every phrasing analysed and embedded, calibration's left-out
    /// searches), and the garbage collector keeps what it freed for later. On a KB of 110,000 phrasings the process held 466 MB
    /// after the build and 316 MB after one aggressive collection. That collection blocks every thread (0.3 s there), so it runs
    /// at most once a minute, however many saves a moderator makes; a small KB leaves only the collector's usual headroom,
    /// which it would take back at once, so it is left alone.
    /// </summary>
    private void GiveBackMemory()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _memoryGivenBackAt);
        if (GC.GetGCMemoryInfo().HeapSizeBytes > LargeHeapBytes && now - last >= GiveBackIntervalMs
            && Interlocked.CompareExchange(ref _memoryGivenBackAt, now, last) == last)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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

        await WritingAsync(async () => { await store.ReplaceAsync(kb, cancellationToken); return true; }, cancellationToken);
        await RebuildAsync(cancellationToken);
        return validation;
    }

    /// <summary>
    /// One write of the store at a time on this host. Held for the write only, never through a rebuild: the rebuild that
    /// follows reads whatever is stored by then, and <see cref="_rebuild"/> keeps rebuilds and attaches in order.
    /// </summary>
    private async Task<T> WritingAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            return await change();
        }
        finally
        {
            _write.Release();
        }
    }

    public Task<KnowledgeBase> ExportAsync(CancellationToken cancellationToken) => store.LoadAsync(cancellationToken);

    /// <summary>Creates or renames a life situation (its title as citizens and staff see it); validated with the whole KB.</summary>
    public Task<KbValidationResult> SaveLifeSituationAsync(string id, string title, CancellationToken cancellationToken) =>
        UpdatingAsync(kb =>
        {
            var situation = new LifeSituation(id.Trim(), title.Trim());
            var situations = kb.LifeSituations.Any(s => s.Id == situation.Id)
                ? kb.LifeSituations.Select(s => s.Id == situation.Id ? situation : s).ToList()
                : [.. kb.LifeSituations, situation];
            return KbValidator.Validate(kb with { LifeSituations = situations });
        }, cancellationToken);

    /// <summary>
    /// One change of the stored KB, read and written as one step of the store (no other host's change between them), then the
    /// search index rebuilt. <paramref name="change"/> validates what it makes; an invalid result stores nothing.
    /// </summary>
    private async Task<KbValidationResult> UpdatingAsync(Func<KnowledgeBase, KbValidationResult> change, CancellationToken cancellationToken)
    {
        KbValidationResult? outcome = null;
        await WritingAsync(() => store.UpdateAsync(kb => (outcome = change(kb)).IsValid ? outcome.KnowledgeBase : null, cancellationToken), cancellationToken);
        if (outcome!.IsValid)
        {
            await RebuildAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Saves one article (new or changed) into the stored KB: the whole KB is validated with it, and only a valid KB is stored and
    /// searched (the search index is rebuilt before this returns). The article's version is the stored one plus one. Its life
    /// situation must be one of the KB's, as in an imported file, or <paramref name="newSituation"/>, created with it.
    /// With <paramref name="expectedVersion"/>, the save is refused (<see cref="KbValidationResult.Conflict"/>) when the stored
    /// article is no longer that version: someone changed it since the form was opened.
    /// </summary>
    public Task<KbValidationResult> SaveArticleAsync(Article article, DateTimeOffset now, CancellationToken cancellationToken, LifeSituation? newSituation = null,
        int? expectedVersion = null) =>
        UpdatingAsync(kb =>
        {
            var current = kb.Articles.FirstOrDefault(a => a.Id == article.Id);
            if (expectedVersion is { } expected && (current?.Version ?? 0) != expected)
            {
                return KbValidationResult.Changed(current?.Version ?? 0, expected);
            }

            return WithArticle(kb, article with { Version = (current?.Version ?? 0) + 1, UpdatedAt = now }, newSituation);
        }, cancellationToken);

    /// <summary>
    /// <paramref name="kb"/> with <paramref name="article"/> in it (in its place, or added) and <paramref name="newSituation"/> added,
    /// validated: what a save would store, for saving it or for checking it without saving. A new situation must have a code
    /// no situation has.
    /// </summary>
    public static KbValidationResult WithArticle(KnowledgeBase kb, Article article, LifeSituation? newSituation)
    {
        var articles = kb.Articles.Any(a => a.Id == article.Id) ? kb.Articles.Select(a => a.Id == article.Id ? article : a).ToList() : [.. kb.Articles, article];
        var situations = kb.LifeSituations;
        if (newSituation is not null)
        {
            newSituation = new LifeSituation(newSituation.Id.Trim(), newSituation.Title.Trim());
            if (kb.LifeSituations.Any(s => s.Id == newSituation.Id))
            {
                return KbValidationResult.Failed(new KbError("lifeSituations", "id", $"life situation id '{newSituation.Id}' is used twice"));
            }

            situations = [.. situations, newSituation];
        }

        return KbValidator.Validate(kb with { Articles = articles, LifeSituations = situations });
    }

    /// <summary>Adds a curated phrasing to an article; it is searchable from the next message on, no restart.</summary>
    public async Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken) =>
        !string.IsNullOrWhiteSpace(question) && await AddQuestionsAsync([(articleId, question)], cancellationToken) == 1;

    /// <summary>
    /// Adds curated phrasings (a moderator attaching a group of unanswered messages) with one retraining for all of them; blank
    /// ones and those of unknown articles are skipped. Returns how many were added.
    /// </summary>
    public async Task<int> AddQuestionsAsync(IReadOnlyList<(string ArticleId, string Question)> questions, CancellationToken cancellationToken)
    {
        // Under the rebuild lock: a rebuild that read the store before these questions were stored must not replace the index after them.
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            // One change per article, however many of its phrasings: one new version in the store, the same in the index.
            var stored = new List<(string ArticleId, string Question)>();
            var changed = new List<Article>();
            foreach (var group in questions.Where(q => !string.IsNullOrWhiteSpace(q.Question)).GroupBy(q => q.ArticleId, StringComparer.Ordinal))
            {
                var texts = group.Select(q => q.Question.Trim()).ToList();
                if (await WritingAsync(() => store.AddQuestionsAsync(group.Key, texts, cancellationToken), cancellationToken) is { } article)
                {
                    stored.AddRange(texts.Select(t => (group.Key, t)));
                    changed.Add(article);
                }
            }

            if (stored.Count > 0)
            {
                if (await Index.AddQuestionsAsync(stored, CancellationToken.None) is { } vectorError)
                {
                    _log.VectorWriteFailed(RetrievalLog.Describe(vectorError));
                }

                foreach (var article in changed)
                {
                    Index.Stamp(article.Id, article.Version, article.UpdatedAt);
                }

                // The new phrasings move what a right answer's scores look like on this KB: the boundaries are learnt again.
                await CalibrateAsync(Index, CancellationToken.None);
            }

            return stored.Count;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public Article? FindArticle(string articleId) => Index.FindArticle(articleId);

    /// <inheritdoc />
    public IReadOnlyList<string> PassagesFor(string articleId, string message)
    {
        var index = Index;
        // A quarter of the message's search weight: one of its few words that carry meaning, not a common word alone.
        return index.Passages(articleId, index.AnalyzeQuery(message), max: 2, minimumCoverage: 0.25f);
    }

    /// <summary>Every article of the current KB, for pickers (moderators attach phrasings to one).</summary>
    public IReadOnlyList<Article> Articles => Index.Articles;

    /// <summary>
    /// Groups messages by what they ask, with the search's analysis and embedder, biggest groups first, each with the KB's best
    /// guesses for its most typical message. <paramref name="threshold"/> is the similarity a message needs to join a group.
    /// </summary>
    public async Task<IReadOnlyList<Learning.MessageGroup>> GroupAsync(IReadOnlyList<string> messages, CancellationToken cancellationToken, float threshold = 0.42f)
    {
        var index = Index;
        var analyzed = messages.Select(m => index.Analyzer.AnalyzeDocument(m)).ToList();
        var vectors = new List<float[]>(messages.Count);
        const int batch = 256;
        try
        {
            for (var i = 0; i < analyzed.Count; i += batch)
            {
                var slice = analyzed.Skip(i).Take(batch).Select(a => a.CleanText.Length == 0 ? "-" : a.CleanText).ToList();
                var embeddings = await embedder.GenerateAsync(slice, cancellationToken: cancellationToken);
                vectors.AddRange(embeddings.Select(e => e.Vector.ToArray()));
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // An embeddings service's error may quote the citizens' texts: only its kind is logged. The inbox still opens,
            // grouped by shared words alone.
            _log.GroupingVectorsFailed(RetrievalLog.Describe(e));
            vectors = [.. analyzed.Select(_ => new float[1])];

            // Without vectors a similarity is the lexical share of it at most: the bar comes down by as much.
            threshold *= Learning.MessageGrouper.LexicalShare;
        }

        var groups = new List<Learning.MessageGroup>();
        foreach (var members in Learning.MessageGrouper.Group(analyzed, vectors, threshold).OrderByDescending(m => m.Count))
        {
            var representative = Learning.MessageGrouper.Representative(members, analyzed, vectors);
            var asked = await AskAsync(new AskRequest(messages[representative]), cancellationToken);
            groups.Add(new Learning.MessageGroup(members, representative, [.. asked.Candidates.Take(3)]));
        }

        return groups;
    }

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

        var filter = new VectorFilter(request.LifeSituation, request.Segment, ArticleStatus.Published);
        void VectorFailed(Exception e) => _log.VectorSearchFailed(RetrievalLog.Describe(e));
        async Task<Ranking> RankAsync(AnalyzedText text)
        {
            var fused = await Ranker.RankAsync(index, text, filter, settings, VectorFailed, cancellationToken);
            return index.Calibration is { } learnt ? fused with { Ranked = learnt.Ranking.Rescore(fused.Ranked, fused.Terms) } : fused;
        }

        var ranking = await RankAsync(analyzed);
        var verdict = AnswerDecider.Decide(ranking, index.Calibration, settings);

        Candidate? alsoAsked = null;
        if (index.Calibration is { } calibration && MessageReadings.PartsOf(request.Text ?? string.Empty) is { Count: > 0 } parts)
        {
            (ranking, verdict, alsoAsked) = await LongMessageDecider.DecideAsync(parts, ranking, verdict, index.AnalyzeQuery, RankAsync, calibration, settings);
        }
        else if (index.Calibration is { } calibrated && MessageReadings.QuestionsOf(request.Text ?? string.Empty) is { Count: > 1 } questions)
        {
            (ranking, verdict, alsoAsked) = await LongMessageDecider.DecideQuestionsAsync(questions, ranking, verdict, index.AnalyzeQuery, RankAsync, calibrated, settings);
        }

        var followsUp = false;
        var repeats = false;
        if (request.Context is { } context && alsoAsked is null)
        {
            var aloneTop = ranking.Ranked.Count > 0 ? ranking.Ranked[0].ArticleId : null;
            var previous = index.AnalyzeQuery(context.Question);
            (ranking, verdict, followsUp) = await ContextDecider.DecideAsync(request.Text ?? string.Empty, analyzed, ranking, verdict, previous, context.LifeSituation, RankAsync, index.Calibration, settings);

            // Asked again in other words, on its own, adding nothing: the answer already given did not help.
            repeats = verdict.Decision == Decision.Answer && context.ArticleId is { } shown && verdict.Chosen[0].ArticleId == shown
                && aloneTop == shown && !ContextDecider.OpensAsContinuation(request.Text ?? string.Empty)
                && index.SaysNothingNew(shown, analyzed.Terms, previous.Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal));
        }

        var returned = ranking.Ranked.Take(settings.ReturnedCandidates).ToList();
        var timings = new AskTimings(analysisMs, ranking.VectorMs, ranking.LexicalMs, total.Elapsed.TotalMilliseconds);
        return new AskResult(verdict.Decision, returned, verdict.Reason, timings, analyzed.CleanText, analyzed.Corrections)
        {
            Chosen = verdict.Chosen,
            Confidence = verdict.AnswerConfidence,
            AlsoAsked = alsoAsked,
            FollowsUp = followsUp,
            Repeats = repeats,
        };
    }

    private async Task CalibrateAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        var calibration = await DecisionCalibrator.CalibrateAsync(index, options.Value, _outOfDomain.Value, e => _log.VectorSearchFailed(RetrievalLog.Describe(e)), cancellationToken);
        index.Calibration = calibration;
        if (calibration is null)
        {
            _log.NotCalibrated();
        }
        else
        {
            _log.Calibrated((long)calibration.Took.TotalMilliseconds, calibration.Phrasings, calibration.OutOfDomain, calibration.AnswerThreshold, calibration.OfferThreshold);
        }
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
