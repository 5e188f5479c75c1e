namespace Assistant.Knowledge.Retrieval.Calibration;

/// <summary>
/// The ranking learnt on the KB at hand: how likely each of the first candidates is the right article, from its signals and how
/// they compare with the other candidates'. Trained on the KB's own phrasings, each left out of its own search, so a sparse KB
/// learns to lean on the answer text and the classifier and a dense one on its many phrasings, without a hand-set weight.
/// </summary>
internal sealed class CandidateScorer(LogisticModel model)
{
    /// <summary>How many of the fused ranking's first candidates are scored again.</summary>
    public const int Depth = 20;

    private const int TrainingDepth = 10;

    public static float[] Features(List<Candidate> ranked, int i, int terms)
    {
        var c = ranked[i];
        var length = MathF.Log(1 + terms) / MathF.Log(40);
        float BestOther(Func<Candidate, float> signal)
        {
            var best = 0f;
            for (var j = 0; j < ranked.Count; j++)
            {
                if (j != i)
                {
                    best = Math.Max(best, signal(ranked[j]));
                }
            }

            return best;
        }

        return
        [
            c.Lexical, c.Vector, c.AnswerText, c.Classifier,
            c.Lexical - BestOther(x => x.Lexical), c.Vector - BestOther(x => x.Vector), c.AnswerText - BestOther(x => x.AnswerText),
            c.Classifier - BestOther(x => x.Classifier),

            // A long message explains little of any one phrasing but much of its article's whole text.
            length, length * c.AnswerText, length * c.Lexical,
        ];
    }

    public static LogisticModel Train(IEnumerable<(List<Candidate> Ranked, int Terms, string? ArticleId)> examples)
    {
        var x = new List<float[]>();
        var y = new List<bool>();
        foreach (var (ranked, terms, articleId) in examples)
        {
            // Only questions whose right article is among the first candidates say which candidate should win.
            if (articleId is null || !ranked.Take(TrainingDepth).Any(c => c.ArticleId == articleId))
            {
                continue;
            }

            // The first ten candidates teach enough; the rest are easy wrong ones and only cost training time.
            var top = ranked.Take(TrainingDepth).ToList();
            for (var i = 0; i < top.Count; i++)
            {
                x.Add(Features(top, i, terms));
                y.Add(top[i].ArticleId == articleId);
            }
        }

        return LogisticModel.Train(x, y, iterations: 150);
    }

    /// <summary>The first candidates again, each scored with its probability of being the right one, best first.</summary>
    public List<Candidate> Rescore(List<Candidate> ranked, int terms) => Rescore(model, ranked, terms);

    public static List<Candidate> Rescore(LogisticModel model, List<Candidate> ranked, int terms)
    {
        var top = ranked.Take(Depth).ToList();
        var rescored = top.Select((c, i) => c with { Score = model.Predict(Features(top, i, terms)) }).ToList();
        rescored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return rescored;
    }
}
