using System.Diagnostics;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Retrieval.Calibration;

/// <summary>
/// Learns where to answer, ask or hand over on the KB at hand. Every curated phrasing is searched against the KB with itself left
/// out (its question match, its vector and, through classifiers trained on the other folds, its training sample), which tells how
/// the scores of a new message that belongs to an article look on this KB, however many phrasings it has; a built-in set of
/// out-of-domain messages tells how the scores of a message that belongs nowhere look. Two small models are fitted on that, and
/// their thresholds are chosen, on predictions for examples each model did not see, to meet the administrator's targets.
/// </summary>
internal static class DecisionCalibrator
{
    private const int Folds = 3;

    /// <summary>Phrasings above which calibration samples a quarter as many (see <see cref="CalibrateAsync"/>).</summary>
    private const int VeryLargeKb = 20_000;


    /// <summary>Null when the KB is too small to learn from; the fixed thresholds then decide.</summary>
    public static async Task<DecisionCalibration?> CalibrateAsync(
        KnowledgeIndex index,
        RetrievalOptions settings,
        IReadOnlyList<string> outOfDomain,
        Action<Exception> vectorFailed,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var texts = index.QuestionTexts();
        var articles = texts.Select(t => t.ArticleId).Distinct(StringComparer.Ordinal).Count();
        if (texts.Count < 30 || articles < 4)
        {
            return null;
        }

        // Larger KBs: an even sample. On a very large KB every search costs milliseconds, so a quarter of the sample and of the
        // out-of-domain set keep a rebuild within seconds (a dozen weights are still learnt from hundreds of examples).
        var veryLarge = texts.Count > VeryLargeKb;
        var sample = veryLarge ? settings.CalibrationQuestions / 4 : settings.CalibrationQuestions;
        if (texts.Count > sample)
        {
            var step = (double)texts.Count / sample;
            texts = Enumerable.Range(0, sample).Select(i => texts[(int)(i * step)]).ToList();
        }

        if (veryLarge)
        {
            outOfDomain = outOfDomain.Where((_, i) => i % 4 == 0).ToList();
        }

        // Trained once per build and kept: after a moderator's addition the folds still stand for "a classifier that never saw
        // this phrasing" (the new phrasing's own fold never saw it), and calibration stays near a second.
        var folds = index.HasClassifier ? index.FoldClassifiers ??= await TrainFoldsAsync(index, cancellationToken) : null;
        var filter = new VectorFilter(Status: ArticleStatus.Published);
        var examples = new List<(List<Candidate> Ranked, int Terms, bool Scoped, string? ArticleId)>();

        // A remote embedder or vector index that fails once is not asked again: a thousand calls each waiting for its deadline
        // would hold the new KB back for minutes. Calibration then goes on without vectors, as answering does.
        var vectorsDown = false;
        void VectorFailed(Exception e)
        {
            vectorsDown = true;
            vectorFailed(e);
        }

        // One calibration example: the message searched (its own phrasing left out when it has one) with the article expected
        // (null: none).
        async Task AddAsync(string message, string? articleId, LeaveOut? leaveOut, ArticleClassifier? classifier, VectorFilter? scope = null)
        {
            var ranking = await Ranker.RankAsync(index, index.AnalyzeQuery(message), scope ?? filter, settings, VectorFailed, cancellationToken, leaveOut, classifier, useVectors: !vectorsDown);
            examples.Add((ranking.Ranked.Take(CandidateScorer.Depth).ToList(), ranking.Terms, ranking.Scoped, articleId));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var (textId, articleId, text, vectorId) = texts[i];
            await AddAsync(text, articleId, new LeaveOut(textId, vectorId), folds?[textId % Folds]);

            // A follow-up is searched inside the topic of the last answer: every other phrasing is also asked that way.
            if (i % 2 == 1 && index.FindArticle(articleId) is { } article)
            {
                await AddAsync(text, articleId, new LeaveOut(textId, vectorId), folds?[textId % Folds], filter with { LifeSituation = article.LifeSituation });
            }
        }

        // Real messages are seldom as clean as a curated phrasing: people wrap a question in details that have nothing to do
        // with it. Every other phrasing is also asked wrapped in an out-of-domain message, so the models see how such noise
        // moves the scores of a message whose article is known.
        if (outOfDomain.Count > 0)
        {
            for (var i = 0; i < texts.Count; i += 2)
            {
                var (textId, articleId, text, vectorId) = texts[i];
                var noise = outOfDomain[(i * 7919) % outOfDomain.Count];
                var wrapped = i % 4 == 0 ? noise + ". " + text : text + ". " + noise;
                await AddAsync(wrapped, articleId, new LeaveOut(textId, vectorId), folds?[textId % Folds]);
            }
        }

        var inDomainCount = examples.Count;
        for (var i = 0; i < outOfDomain.Count; i++)
        {
            await AddAsync(outOfDomain[i], null, null, folds?[i % Folds]);
        }

        // The ranking is learnt first, each half of the examples re-ranked by what the other half taught, so that the
        // confidence models below see re-ranked lists as a new message will have them.
        var halfScorers = new[] { HalfOf(examples, 1), HalfOf(examples, 0) };
        var features = new List<float[]>(examples.Count);
        var rightFirst = new List<bool>(examples.Count);
        var rightOffered = new List<bool>(examples.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            var (ranked, terms, scoped, articleId) = examples[i];
            var rescored = CandidateScorer.Rescore(halfScorers[i % 2], ranked, terms);
            features.Add(ConfidenceFeatures.Of(new Ranking(rescored, terms, 0, 0, scoped)));
            rightFirst.Add(articleId is not null && rescored.Count > 0 && rescored[0].ArticleId == articleId);
            rightOffered.Add(articleId is not null && rescored.Take(settings.MaxClarifyOptions).Any(c => c.ArticleId == articleId));
        }

        var inDomain = Enumerable.Range(0, features.Count).Select(i => i < inDomainCount).ToList();
        var answerScores = CrossFitted(features, rightFirst, balanced: false);
        var offerScores = CrossFitted(features, rightOffered, balanced: true);
        return new DecisionCalibration(
            new CandidateScorer(CandidateScorer.Train(examples.Select(e => (e.Ranked, e.Terms, e.ArticleId)))),
            LogisticModel.Train(features, rightFirst, balanced: false),
            ThresholdForPrecision(answerScores, settings.AnswerPrecision),
            LogisticModel.Train(features, rightOffered),
            ThresholdForFallback(offerScores, inDomain, settings.OutOfDomainFallback),
            texts.Count,
            outOfDomain.Count,
            clock.Elapsed);
    }

    private static LogisticModel HalfOf(List<(List<Candidate> Ranked, int Terms, bool Scoped, string? ArticleId)> examples, int parity) =>
        CandidateScorer.Train(examples.Where((_, i) => i % 2 == parity).Select(e => (e.Ranked, e.Terms, e.ArticleId)));

    private static async Task<ArticleClassifier[]> TrainFoldsAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        var samples = index.TrainingSamples();
        var tasks = Enumerable.Range(0, Folds).Select(fold => Task.Run(
            () => ArticleClassifier.Train(samples.Where(s => s.TextId < 0 || s.TextId % Folds != fold).Select(s => (s.Text, s.ArticleId)).ToList()),
            cancellationToken));
        return await Task.WhenAll(tasks);
    }

    private const int CrossFolds = 4;

    /// <summary>Each example's probability from a model trained on the other folds, so thresholds are not chosen on memorised examples.</summary>
    private static float[] CrossFitted(List<float[]> x, List<bool> y, bool balanced)
    {
        var scores = new float[x.Count];
        for (var fold = 0; fold < CrossFolds; fold++)
        {
            var train = Enumerable.Range(0, x.Count).Where(i => i % CrossFolds != fold).ToList();
            var model = LogisticModel.Train(train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList(), balanced);
            for (var i = fold; i < x.Count; i += CrossFolds)
            {
                scores[i] = model.Predict(x[i]);
            }
        }

        return scores;
    }

    /// <summary>
    /// The lowest threshold whose answers (everything estimated at or above it) are right at least <paramref name="precision"/> of
    /// the time, by the model's own estimates: a smooth figure, so one more phrasing moves the boundary a little, not by a jump.
    /// </summary>
    private static float ThresholdForPrecision(float[] probabilities, float precision)
    {
        var sorted = probabilities.OrderDescending().ToArray();
        var threshold = 1.01f;
        var sum = 0.0;
        for (var k = 0; k < sorted.Length; k++)
        {
            sum += sorted[k];
            if (sum >= precision * (k + 1))
            {
                threshold = sorted[k];
            }
        }

        return threshold;
    }

    /// <summary>The lowest threshold below which at least <paramref name="share"/> of the out-of-domain messages fall: nothing nearer than they are is offered.</summary>
    private static float ThresholdForFallback(float[] scores, List<bool> inDomain, float share)
    {
        var outside = Enumerable.Range(0, scores.Length).Where(i => !inDomain[i]).Select(i => scores[i]).Order().ToList();
        if (outside.Count == 0)
        {
            return 0.5f;
        }

        var k = Math.Clamp((int)Math.Ceiling(share * outside.Count), 0, outside.Count - 1);
        return outside[k];
    }
}
