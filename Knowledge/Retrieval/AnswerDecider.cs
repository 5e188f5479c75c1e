using System.Globalization;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// Turns ranked candidates into answer / clarify / fallback. A confidently wrong answer about health is worse than asking or handing
/// over, so answering needs both a high score and a clear lead.
/// </summary>
public static class AnswerDecider
{
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
            return (Decision.Fallback, [], $"fallback: best score {F(top.Score)} is below {F(options.ClarifyThreshold)}");
        }

        if (top.Score >= options.AnswerThreshold && lead >= options.AnswerMargin)
        {
            return (Decision.Answer, [top], $"answer: score {F(top.Score)} ≥ {F(options.AnswerThreshold)} and {F(lead)} ahead of the next");
        }

        var floor = Math.Max(options.ClarifyThreshold * 0.8f, top.Score - options.ClarifyWindow);
        var options2 = ranked.Take(options.MaxClarifyOptions).Where(c => c.Score >= floor).ToList();
        if (options2.Count < 2 && ranked.Count > 1)
        {
            options2 = ranked.Take(2).ToList();
        }

        var why = top.Score >= options.AnswerThreshold
            ? $"clarify: {F(top.Score)} is only {F(lead)} ahead of the next"
            : $"clarify: best score {F(top.Score)} is below {F(options.AnswerThreshold)}";
        return (Decision.Clarify, options2, why);
    }

    private static string F(float value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
