namespace Assistant.Knowledge.Retrieval.Calibration;

/// <summary>
/// What a ranking says about its own reliability, in numbers that mean the same on any KB: how strong and how clear the first
/// article is in the fused score and in each signal, whether the signals agree on it, how long the message was, and whether the
/// search was scoped to one life situation.
/// </summary>
internal static class ConfidenceFeatures
{
    public const int Count = 12;

    public static float[] Of(Ranking ranking)
    {
        var f = new float[Count];
        var ranked = ranking.Ranked;
        if (ranked.Count == 0)
        {
            return f;
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : null;
        float BestOther(Func<Candidate, float> signal)
        {
            var best = 0f;
            for (var i = 1; i < ranked.Count; i++)
            {
                best = Math.Max(best, signal(ranked[i]));
            }

            return best;
        }

        var agree = 0;
        foreach (var signal in Signals)
        {
            if (signal(top) > 0 && signal(top) >= BestOther(signal))
            {
                agree++;
            }
        }

        f[0] = top.Score;
        f[1] = top.Score - (second?.Score ?? 0f);
        f[2] = second is null ? 0f : second.Score / Math.Max(top.Score, 1e-6f);
        f[3] = top.Classifier;
        f[4] = top.Classifier - BestOther(c => c.Classifier);
        f[5] = top.Lexical;
        f[6] = top.Lexical - BestOther(c => c.Lexical);
        f[7] = top.AnswerText;
        f[8] = top.Vector - BestOther(c => c.Vector);
        f[9] = agree / (float)Signals.Length;
        f[10] = MathF.Log(1 + ranking.Terms) / MathF.Log(40);
        f[11] = ranking.Scoped ? 1f : 0f;
        return f;
    }

    private static readonly Func<Candidate, float>[] Signals = [c => c.Lexical, c => c.Vector, c => c.AnswerText, c => c.Classifier];
}
