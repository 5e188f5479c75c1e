namespace Assistant.Evals;

/// <summary>What one system did with one question: its decision, the answered article, and where the expected one ranked (0 = not ranked).</summary>
public sealed record EvalOutcome(EvalQuestion Question, string Decision, string? Answered, int Rank, IReadOnlyList<string> Ranked, double LatencyMs, string Reason = "", float TopScore = 0, float SecondScore = 0);
