using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Retrieval.Calibration;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// A long message read part by part (<see cref="MessageReadings"/>): its main request may be one sentence among personal details,
/// and it may ask two things. The whole and its parts must agree before the bot answers: calibration learnt from short phrasings,
/// and among many parts one is bound to look confident about something by chance.
/// </summary>
internal static class LongMessageDecider
{
    public static async Task<(Ranking Ranking, Verdict Verdict, Candidate? AlsoAsked)> DecideAsync(
        IReadOnlyList<string> parts,
        Ranking whole,
        Verdict verdict,
        Func<string, AnalyzedText> analyze,
        Func<AnalyzedText, Task<Ranking>> rank,
        DecisionCalibration calibration,
        RetrievalOptions settings)
    {
        var readings = await ReadAsync(parts, minTerms: 2, analyze, rank, calibration, settings);

        var first = whole.Ranked.Count > 0 ? whole.Ranked[0].ArticleId : null;
        var confident = readings.Where(r => r.Verdict.Decision == Decision.Answer).ToList();
        var asked = confident.Select(r => r.Verdict.Chosen[0]).DistinctBy(c => c.ArticleId).ToList();
        if (asked.Count >= 2 && asked[0].ArticleId != first)
        {
            // Two questions, and the first one asked is not what the whole message leans to: which is the main one is unclear,
            // so both are offered rather than one answered.
            return (whole, verdict with
            {
                Decision = Decision.Clarify,
                Chosen = asked.Take(settings.MaxClarifyOptions).ToList(),
                Reason = "clarify: the message asks about several articles (" + string.Join(", ", asked.Select(c => c.ArticleId)) + ")",
            }, null);
        }

        // A confident part that agrees with the whole answers; a confident part about another article is offered beside it.
        if (confident.FirstOrDefault(r => r.Verdict.Chosen[0].ArticleId == first) is { Verdict: not null } main)
        {
            var (ranking, answer) = verdict.Decision == Decision.Answer ? (whole, verdict) : main;
            return (ranking, answer, asked.FirstOrDefault(c => c.ArticleId != first));
        }

        // The whole looks confident but no part agrees: ask instead of answering.
        if (verdict.Decision == Decision.Answer)
        {
            return (whole, AnswerDecider.AskInstead(whole, verdict, settings), null);
        }

        // Nothing near as a whole, but a part is: offer what that part found.
        if (verdict.Decision == Decision.Fallback
            && readings.Where(r => r.Verdict.Decision != Decision.Fallback).OrderByDescending(r => r.Verdict.OfferConfidence).FirstOrDefault() is { Ranking: not null } offered)
        {
            return (offered.Ranking, AnswerDecider.AskInstead(offered.Ranking, offered.Verdict, settings), null);
        }

        return (whole, verdict, null);
    }

    /// <summary>
    /// A short message that asks two things («как получить полис и как прикрепиться к поликлинике?»): the first question the
    /// KB answers is the main one and is answered, the next one it answers is offered beside it. When no question alone is
    /// answered, the whole message decides.
    /// </summary>
    public static async Task<(Ranking Ranking, Verdict Verdict, Candidate? AlsoAsked)> DecideQuestionsAsync(
        IReadOnlyList<string> questions,
        Ranking whole,
        Verdict verdict,
        Func<string, AnalyzedText> analyze,
        Func<AnalyzedText, Task<Ranking>> rank,
        DecisionCalibration calibration,
        RetrievalOptions settings)
    {
        var answered = (await ReadAsync(questions, minTerms: 1, analyze, rank, calibration, settings))
            .Where(r => r.Verdict.Decision == Decision.Answer).DistinctBy(r => r.Verdict.Chosen[0].ArticleId).ToList();

        return answered switch
        {
            [] => (whole, verdict, null),
            [var main] => (main.Ranking, main.Verdict, null),
            [var main, var other, ..] => (main.Ranking, main.Verdict with { Reason = main.Verdict.Reason + "; the message asks more than one question" }, other.Verdict.Chosen[0]),
        };
    }

    /// <summary>Each text with at least <paramref name="minTerms"/> search terms, ranked and decided on its own, in order.</summary>
    private static async Task<List<(Ranking Ranking, Verdict Verdict)>> ReadAsync(
        IReadOnlyList<string> texts,
        int minTerms,
        Func<string, AnalyzedText> analyze,
        Func<AnalyzedText, Task<Ranking>> rank,
        DecisionCalibration calibration,
        RetrievalOptions settings)
    {
        var readings = new List<(Ranking Ranking, Verdict Verdict)>();
        foreach (var text in texts)
        {
            var analyzed = analyze(text);
            if (analyzed.Terms.Count >= minTerms)
            {
                var ranking = await rank(analyzed);
                readings.Add((ranking, AnswerDecider.Decide(ranking, calibration, settings)));
            }
        }

        return readings;
    }
}
