namespace Assistant.Evals;

/// <summary>
/// What one system did with one question: its decision, the answered article, the articles a clarify offered, and where the
/// expected one ranked (0 = not ranked).
/// </summary>
public sealed record EvalOutcome(
    EvalQuestion Question,
    string Decision,
    string? Answered,
    int Rank,
    IReadOnlyList<string> Ranked,
    double LatencyMs,
    string Reason = "",
    float TopScore = 0,
    float SecondScore = 0,
    IReadOnlyList<string>? Offered = null,
    IReadOnlyList<Assistant.Knowledge.Retrieval.Candidate>? Candidates = null)
{
    /// <summary>Answered with the expected article.</summary>
    public bool AnsweredRight => Question.InScope && Decision == "answer" && Answered == Question.Expected;

    /// <summary>Answered with it, or asked a clarifying question whose choices hold it: the citizen can reach the answer.</summary>
    public bool OfferedRight => AnsweredRight || (Question.InScope && Decision == "clarify" && Offered is { } offered && offered.Contains(Question.Expected!));

    /// <summary>Answered with an article, and it is not the expected one (any answer to an out-of-scope message is wrong).</summary>
    public bool AnsweredWrong => Decision == "answer" && Answered != Question.Expected;
}
