using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Evals;

/// <summary>
/// Does curation make the bot better? Two measurements on one KB and one question set:
/// <list type="bullet">
/// <item>the curve: the KB cut to 2 phrasings per article, then grown through the moderators' path (phrasings added to a running
/// index, not re-imported) to 4, 8 and 16, measured on the question set at every step;</item>
/// <item>one round: the KB cut to 2, the phrasings cut away split in two halves; the first half is played as a week's traffic and
/// every message the bot did not answer right is attached to its article, as a moderator would from the unanswered inbox; the
/// second half, never attached, is asked before and after, with the question set's out-of-scope messages.</item>
/// </list>
/// </summary>
public sealed class CurationProtocol(EvalRunner runner)
{
    public static readonly IReadOnlyList<int> Steps = [2, 4, 8, 16];

    public async Task<CurationResult> RunAsync(KnowledgeBase kb, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        const int sparse = 2;
        var curve = await runner.WithKnowledgeAsync(SparseKb.Keep(kb, sparse), async knowledge =>
        {
            var points = new List<CurvePoint>();
            var have = sparse;
            foreach (var step in Steps)
            {
                var added = kb.Articles.SelectMany(a => a.Questions.Skip(have).Take(step - have).Select(q => (a.Id, q))).ToList();
                await knowledge.AddQuestionsAsync(added, cancellationToken);
                have = step;
                var perArticle = kb.Articles.Average(a => Math.Min(step, a.Questions.Count));
                points.Add(new CurvePoint(step, perArticle, EvalMetrics.Compute(await EvalRunner.AskAllAsync(knowledge, questions, cancellationToken))));
            }

            return points;
        }, cancellationToken);

        var removed = SparseKb.Removed(kb, sparse);
        var traffic = removed.Where((_, i) => i % 2 == 0).ToList();
        // The unseen half is measured together with the set's out-of-scope messages: a round of curation must not make the bot
        // answer what it should not.
        var unseen = removed.Where((_, i) => i % 2 == 1).Concat(questions.Where(q => !q.InScope)).ToList();
        var round = await runner.WithKnowledgeAsync(SparseKb.Keep(kb, sparse), async knowledge =>
        {
            var before = EvalMetrics.Compute(await EvalRunner.AskAllAsync(knowledge, unseen, cancellationToken));
            var beforeSet = EvalMetrics.Compute(await EvalRunner.AskAllAsync(knowledge, questions, cancellationToken));
            var played = await EvalRunner.AskAllAsync(knowledge, traffic, cancellationToken);
            var missed = played.Where(o => !o.AnsweredRight).Select(o => (o.Question.Expected!, o.Question.Q)).ToList();
            await knowledge.AddQuestionsAsync(missed, cancellationToken);
            var after = EvalMetrics.Compute(await EvalRunner.AskAllAsync(knowledge, unseen, cancellationToken));
            var afterSet = EvalMetrics.Compute(await EvalRunner.AskAllAsync(knowledge, questions, cancellationToken));
            return new CurationRound(traffic.Count, missed.Count, unseen.Count(q => q.InScope), before, after, beforeSet, afterSet);
        }, cancellationToken);

        return new CurationResult(curve, round);
    }
}

/// <summary>The question set's figures with <see cref="Phrasings"/> curated phrasings per article (at most; the mean is beside it).</summary>
public sealed record CurvePoint(int Phrasings, double MeanPhrasings, EvalMetrics Metrics);

/// <summary>One round of curation: the unseen half and the question set before and after the missed traffic was attached.</summary>
public sealed record CurationRound(int Traffic, int Attached, int Unseen, EvalMetrics UnseenBefore, EvalMetrics UnseenAfter, EvalMetrics SetBefore, EvalMetrics SetAfter);

public sealed record CurationResult(IReadOnlyList<CurvePoint> Curve, CurationRound Round)
{
    /// <summary>Answered right never falls from one step of the curve to the next.</summary>
    public bool IsMonotone => Curve.Zip(Curve.Skip(1)).All(p => p.Second.Metrics.AnsweredRight >= p.First.Metrics.AnsweredRight);
}
