using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>The public shape of an ask result (POST /api/ask and `ask --json`).</summary>
public sealed record AskResponse(
    string Decision,
    IReadOnlyList<AskCandidate> Candidates,
    IReadOnlyList<string> Chosen,
    string Reason,
    AskTimings Timings,
    string AnalyzedText,
    IReadOnlyList<string> Corrections,
    float Confidence,
    string? AlsoAsked)
{
    public static AskResponse From(AskResult result) => new(
        result.Decision.ToString().ToLowerInvariant(),
        result.Candidates.Select(c => new AskCandidate(c.ArticleId, c.Title, c.LifeSituation, Round(c.Score), Round(c.Lexical), Round(c.Vector), Round(c.AnswerText), Round(c.Classifier), c.MatchedText)).ToList(),
        result.Chosen.Select(c => c.ArticleId).ToList(),
        result.Reason,
        result.Timings,
        result.AnalyzedText,
        result.Corrections,
        Round(result.Confidence),
        result.AlsoAsked?.ArticleId);

    private static float Round(float value) => MathF.Round(value, 4);
}

public sealed record AskCandidate(string ArticleId, string Title, string LifeSituation, float Score, float Lexical, float Vector, float AnswerText, float Classifier, string MatchedText);
