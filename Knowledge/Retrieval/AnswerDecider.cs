using System.Globalization;
using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Retrieval.Calibration;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// Turns ranked candidates into answer / clarify / fallback. A confidently wrong answer about health is worse than asking or handing
/// over, so answering needs a confidence that, on this KB's calibration, met the precision target; when the right article is likely
/// among the first few, the person is asked which one they meant; only when nothing in the KB is near is the message handed over.
/// </summary>
public static class AnswerDecider
{
    internal static Verdict Decide(Ranking ranking, DecisionCalibration? calibration, RetrievalOptions options)
    {
        var ranked = ranking.Ranked;
        if (ranked.Count == 0)
        {
            return new Verdict(Decision.Fallback, [], "fallback: no article shares anything with the message", 0, 0);
        }

        if (calibration is null)
        {
            var (decision, chosen, reason) = Decide(ranked, options);
            return new Verdict(decision, chosen, reason, 0, 0);
        }

        var features = ConfidenceFeatures.Of(ranking);
        var answer = calibration.Answer.Predict(features);
        var offer = calibration.Offer.Predict(features);

        // The message is one of the article's curated phrasings, word for word, and no other article's: calibration never sees
        // this case (each phrasing is left out of its own search), and it is the surest answer there is.
        if (IsCuratedPhrasing(ranked[0], ranking.Text) && (ranked.Count < 2 || !IsCuratedPhrasing(ranked[1], ranking.Text)))
        {
            return new Verdict(Decision.Answer, [ranked[0]], $"answer: the message is a curated phrasing of this article (confidence {F(answer)})", Math.Max(answer, calibration.AnswerThreshold), offer);
        }

        if (answer >= calibration.AnswerThreshold && Underspecified(ranked, ranking.Text) is { } between)
        {
            return new Verdict(Decision.Clarify, between,
                $"clarify: every word of the message is in a phrasing of each of these articles, which differ in what the message leaves open (confidence {F(answer)})",
                answer, offer);
        }

        if (answer >= calibration.AnswerThreshold)
        {
            return new Verdict(Decision.Answer, [ranked[0]],
                $"answer: confidence {F(answer)} ≥ {F(calibration.AnswerThreshold)} ({calibration.Describe()})", answer, offer);
        }

        if (offer >= calibration.OfferThreshold && ranked.Count > 1)
        {
            return new Verdict(Decision.Clarify, Choices(ranked, options),
                $"clarify: confidence {F(answer)} < {F(calibration.AnswerThreshold)}, the right article likely among the first (offer {F(offer)} ≥ {F(calibration.OfferThreshold)}; {calibration.Describe()})",
                answer, offer);
        }

        return new Verdict(Decision.Fallback, [],
            $"fallback: nothing in the KB is near (offer {F(offer)} < {F(calibration.OfferThreshold)}; {calibration.Describe()})", answer, offer);
    }

    /// <summary>What a calibrated clarify offers: the first articles, up to the maximum, none under half the top score, at least two.</summary>
    private static List<Candidate> Choices(List<Candidate> ranked, RetrievalOptions options)
    {
        var floor = ranked[0].Score * 0.5f;
        var chosen = ranked.Take(options.MaxClarifyOptions).Where(c => c.Score >= floor).ToList();
        return chosen.Count < 2 ? ranked.Take(2).ToList() : chosen;
    }

    /// <summary>
    /// The message is the candidate's best-matching phrasing word for word. The scores alone are not enough: stop words are not
    /// searched, so «записаться к врачу через интернет» scores as high against «записаться к врачу без интернета» as against
    /// itself, and answering it from the shortcut would answer the opposite question.
    /// </summary>
    private static bool IsCuratedPhrasing(Candidate candidate, string? message) =>
        message is not null && candidate.Lexical >= ExactMatch && candidate.Vector >= ExactMatch
        && Tokenizer.Split(message).SequenceEqual(Tokenizer.Split(TextNormalizer.Normalize(candidate.MatchedText)), StringComparer.Ordinal);

    private const float ExactMatch = 0.98f;

    /// <summary>
    /// A short message whose every word stands in the best phrasing of the first article and of another one, each phrasing
    /// saying more («как записаться к врачу» in «…по телефону?» and in «…через Госуслуги?»): the message does not say which
    /// of them it means, however sure the ranking is of the first. Those articles are offered instead of guessing.
    /// </summary>
    private static List<Candidate>? Underspecified(List<Candidate> ranked, string? message)
    {
        if (message is null || ranked.Count < 2)
        {
            return null;
        }

        var words = Tokenizer.Split(message).ToHashSet(StringComparer.Ordinal);
        if (words.Count < 2)
        {
            return null;
        }

        bool SaysMore(Candidate candidate)
        {
            var phrasing = Tokenizer.Split(TextNormalizer.Normalize(candidate.MatchedText)).ToHashSet(StringComparer.Ordinal);
            return phrasing.IsSupersetOf(words) && phrasing.Count > words.Count;
        }

        if (!SaysMore(ranked[0]))
        {
            return null;
        }

        var others = ranked.Skip(1).Take(2).Where(SaysMore).ToList();
        return others.Count == 0 ? null : [ranked[0], .. others];
    }

    /// <summary>A clarify with the first articles in place of an answer or a fallback that another reading of the message contradicts.</summary>
    internal static Verdict AskInstead(Ranking ranking, Verdict verdict, RetrievalOptions options)
    {
        var ranked = ranking.Ranked;
        if (ranked.Count < 2)
        {
            return verdict;
        }

        return verdict with
        {
            Decision = Decision.Clarify,
            Chosen = Choices(ranked, options),
            Reason = $"clarify: the parts of a long message do not agree on one article (confidence {F(verdict.AnswerConfidence)})",
        };
    }

    /// <summary>The fixed-threshold rule, for a KB too small to calibrate.</summary>
    public static (Decision Decision, IReadOnlyList<Candidate> Chosen, string Reason) Decide(IReadOnlyList<Candidate> ranked, RetrievalOptions options)
    {
        if (ranked.Count == 0)
        {
            return (Decision.Fallback, [], "fallback: no article shares anything with the message");
        }

        var top = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Score : 0f;
        var lead = top.Score - runnerUp;
        if (top.Score < options.ClarifyThreshold)
        {
            return (Decision.Fallback, [], $"fallback: best score {F(top.Score)} is below {F(options.ClarifyThreshold)} (fixed threshold: KB too small to calibrate)");
        }

        if (top.Score >= options.AnswerThreshold && lead >= options.AnswerMargin)
        {
            return (Decision.Answer, [top], $"answer: score {F(top.Score)} ≥ {F(options.AnswerThreshold)} and {F(lead)} ahead of the next (fixed threshold: KB too small to calibrate)");
        }

        var floor = Math.Max(options.ClarifyThreshold * 0.8f, top.Score - options.ClarifyWindow);
        var options2 = ranked.Take(options.MaxClarifyOptions).Where(c => c.Score >= floor).ToList();
        if (options2.Count < 2 && ranked.Count > 1)
        {
            options2 = ranked.Take(2).ToList();
        }

        var why = top.Score >= options.AnswerThreshold
            ? $"clarify: {F(top.Score)} is only {F(lead)} ahead of the next (fixed threshold: KB too small to calibrate)"
            : $"clarify: best score {F(top.Score)} is below {F(options.AnswerThreshold)} (fixed threshold: KB too small to calibrate)";
        return (Decision.Clarify, options2, why);
    }

    private static string F(float value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>A decision with the candidates it chose, its reason and the two calibrated confidences (0 without calibration).</summary>
internal sealed record Verdict(Decision Decision, IReadOnlyList<Candidate> Chosen, string Reason, float AnswerConfidence, float OfferConfidence);
