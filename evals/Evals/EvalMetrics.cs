using System.Text.Json.Serialization;

namespace Assistant.Evals;

/// <summary>
/// The figures of one system on one question set (fractions in 0..1): first what the citizen gets (<see cref="OutcomeFigures"/>),
/// overall and by message length, then ranking and rates. Field names are the report's public contract.
/// </summary>
public record EvalMetrics : OutcomeFigures
{
    /// <summary>Message length groups, in characters: short ≤ 60, medium 61–150, long > 150.</summary>
    public static readonly IReadOnlyList<(string Name, int Min, int Max)> LengthGroups = [("short", 0, 60), ("medium", 61, 150), ("long", 151, int.MaxValue)];

    [JsonPropertyName("byLength")] public IReadOnlyDictionary<string, LengthGroupFigures> ByLength { get; init; } = new Dictionary<string, LengthGroupFigures>();
    [JsonPropertyName("top1")] public double Top1 { get; init; }
    [JsonPropertyName("recallAt3")] public double RecallAt3 { get; init; }
    [JsonPropertyName("mrr")] public double Mrr { get; init; }
    [JsonPropertyName("wrongAnswerRate")] public double WrongAnswerRate { get; init; }
    [JsonPropertyName("clarifyRate")] public double ClarifyRate { get; init; }
    [JsonPropertyName("fallbackRate")] public double FallbackRate { get; init; }
    [JsonPropertyName("oosPrecision")] public double OosPrecision { get; init; }
    [JsonPropertyName("oosRecall")] public double OosRecall { get; init; }
    [JsonPropertyName("latencyMs")] public LatencyFigures LatencyMs { get; init; } = new(0, 0);

    public static new EvalMetrics Compute(IReadOnlyList<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => o.Question.InScope).ToList();
        var outOfScope = outcomes.Where(o => !o.Question.InScope).ToList();
        var fallbacks = outcomes.Where(o => o.Decision == "fallback").ToList();
        var latencies = outcomes.Select(o => o.LatencyMs).Order().ToList();
        return new EvalMetrics(OutcomeFigures.Compute(outcomes))
        {
            ByLength = LengthGroups.ToDictionary(g => g.Name, g => Group(outcomes.Where(o => o.Question.Q.Length >= g.Min && o.Question.Q.Length <= g.Max).ToList())),
            Top1 = Top1Of(inScope),
            RecallAt3 = RecallAt3Of(inScope),
            Mrr = inScope.Count == 0 ? 0 : inScope.Sum(o => o.Rank > 0 ? 1.0 / o.Rank : 0) / inScope.Count,
            WrongAnswerRate = Share(outcomes.Count(o => o.AnsweredWrong), outcomes.Count),
            ClarifyRate = Share(outcomes.Count(o => o.Decision == "clarify"), outcomes.Count),
            FallbackRate = Share(fallbacks.Count, outcomes.Count),
            OosPrecision = Share(fallbacks.Count(o => !o.Question.InScope), fallbacks.Count),
            OosRecall = Share(outOfScope.Count(o => o.Decision == "fallback"), outOfScope.Count),
            LatencyMs = new LatencyFigures(Percentile(latencies, 0.50), Percentile(latencies, 0.99)),
        };
    }

    private EvalMetrics(OutcomeFigures outcomes)
        : base(outcomes)
    {
    }

    private static LengthGroupFigures Group(List<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => o.Question.InScope).ToList();
        return new LengthGroupFigures(OutcomeFigures.Compute(outcomes)) { Top1 = Top1Of(inScope), RecallAt3 = RecallAt3Of(inScope) };
    }

    private static double Top1Of(List<EvalOutcome> inScope) => Share(inScope.Count(o => o.Rank == 1), inScope.Count);

    private static double RecallAt3Of(List<EvalOutcome> inScope) => Share(inScope.Count(o => o.Rank is >= 1 and <= 3), inScope.Count);

    private static double Percentile(List<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return Math.Round(sorted[Math.Clamp(index, 0, sorted.Count - 1)], 3);
    }
}

public sealed record LatencyFigures([property: JsonPropertyName("p50")] double P50, [property: JsonPropertyName("p99")] double P99);
