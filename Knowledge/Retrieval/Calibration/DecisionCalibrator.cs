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

        // Large KBs: an even sample, so that calibration costs the same whatever the size.
        if (texts.Count > settings.CalibrationQuestions)
        {
            var step = (double)texts.Count / settings.CalibrationQuestions;
            texts = Enumerable.Range(0, settings.CalibrationQuestions).Select(i => texts[(int)(i * step)]).ToList();
        }

        var folds = index.HasClassifier ? await TrainFoldsAsync(index, cancellationToken) : null;
        var filter = new VectorFilter(Status: ArticleStatus.Published);
        var features = new List<float[]>();
        var rightFirst = new List<bool>();
        var rightOffered = new List<bool>();
        // One calibration example: the message searched (its own phrasing left out when it has one) and whether the expected
        // article (null: none) came first and among those a clarify offers.
        // A remote embedder or vector index that fails once is not asked again: a thousand calls each waiting for its deadline
        // would hold the new KB back for minutes. Calibration then goes on without vectors, as answering does.
        var vectorsDown = false;
        void VectorFailed(Exception e)
        {
            vectorsDown = true;
            vectorFailed(e);
        }

        async Task AddAsync(string message, string? articleId, LeaveOut? leaveOut, ArticleClassifier? classifier)
        {
            var ranking = await Ranker.RankAsync(index, index.AnalyzeQuery(message), filter, settings, VectorFailed, cancellationToken, leaveOut, classifier, useVectors: !vectorsDown);
            features.Add(ConfidenceFeatures.Of(ranking));
            rightFirst.Add(articleId is not null && ranking.Ranked.Count > 0 && ranking.Ranked[0].ArticleId == articleId);
            rightOffered.Add(articleId is not null && ranking.Ranked.Take(settings.MaxClarifyOptions).Any(c => c.ArticleId == articleId));
        }

        foreach (var (textId, articleId, text, vectorId) in texts)
        {
            await AddAsync(text, articleId, new LeaveOut(textId, vectorId), folds?[textId % Folds]);
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

        var phrasings = features.Count;
        for (var i = 0; i < outOfDomain.Count; i++)
        {
            await AddAsync(outOfDomain[i], null, null, folds?[i % Folds]);
        }

        var inDomain = Enumerable.Range(0, features.Count).Select(i => i < phrasings).ToList();
        var answerScores = CrossFitted(features, rightFirst);
        var offerScores = CrossFitted(features, rightOffered);
        return new DecisionCalibration(
            ConfidenceModel.Train(features, rightFirst),
            ThresholdForPrecision(answerScores, rightFirst, settings.AnswerPrecision),
            ConfidenceModel.Train(features, rightOffered),
            ThresholdForFallback(offerScores, inDomain, settings.OutOfDomainFallback),
            phrasings,
            features.Count - phrasings,
            clock.Elapsed);
    }

    private static async Task<ArticleClassifier[]> TrainFoldsAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        var samples = index.TrainingSamples();
        var tasks = Enumerable.Range(0, Folds).Select(fold => Task.Run(
            () => ArticleClassifier.Train(samples.Where(s => s.TextId < 0 || s.TextId % Folds != fold).Select(s => (s.Text, s.ArticleId)).ToList()),
            cancellationToken));
        return await Task.WhenAll(tasks);
    }

    /// <summary>Each example's probability from a model trained on the other half, so thresholds are not chosen on memorised examples.</summary>
    private static float[] CrossFitted(List<float[]> x, List<bool> y)
    {
        var scores = new float[x.Count];
        for (var half = 0; half < 2; half++)
        {
            var train = Enumerable.Range(0, x.Count).Where(i => i % 2 != half).ToList();
            var model = ConfidenceModel.Train(train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList());
            for (var i = half; i < x.Count; i += 2)
            {
                scores[i] = model.Predict(x[i]);
            }
        }

        return scores;
    }

    /// <summary>The lowest threshold whose answers (everything scored at or above it) are right at least <paramref name="precision"/> of the time.</summary>
    private static float ThresholdForPrecision(float[] scores, List<bool> right, float precision)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        var threshold = 1.01f;
        var correct = 0;
        for (var k = 0; k < order.Length; k++)
        {
            correct += right[order[k]] ? 1 : 0;
            var isLastOfTie = k + 1 == order.Length || scores[order[k + 1]] < scores[order[k]];

            // Ignore the first few answers' noise: a precision over fewer than 20 answers says little.
            if (isLastOfTie && k + 1 >= 20 && correct >= precision * (k + 1))
            {
                threshold = scores[order[k]];
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
