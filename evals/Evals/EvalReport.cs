using System.Text.Json.Serialization;

namespace Assistant.Evals;

/// <summary>report.json: the assistant's figures at the top level and the BM25 baseline's under "baseline".</summary>
public sealed record EvalReport
{
    [JsonPropertyName("questions")] public int Questions { get; init; }
    [JsonPropertyName("inScope")] public int InScope { get; init; }
    [JsonPropertyName("outOfScope")] public int OutOfScope { get; init; }
    [JsonPropertyName("top1")] public double Top1 { get; init; }
    [JsonPropertyName("recallAt3")] public double RecallAt3 { get; init; }
    [JsonPropertyName("mrr")] public double Mrr { get; init; }
    [JsonPropertyName("wrongAnswerRate")] public double WrongAnswerRate { get; init; }
    [JsonPropertyName("clarifyRate")] public double ClarifyRate { get; init; }
    [JsonPropertyName("fallbackRate")] public double FallbackRate { get; init; }
    [JsonPropertyName("oosPrecision")] public double OosPrecision { get; init; }
    [JsonPropertyName("oosRecall")] public double OosRecall { get; init; }
    [JsonPropertyName("latencyMs")] public LatencyFigures LatencyMs { get; init; } = new(0, 0);
    [JsonPropertyName("baseline")] public required EvalMetrics Baseline { get; init; }

    public static EvalReport From(EvalMetrics assistant, EvalMetrics baseline) => new()
    {
        Questions = assistant.Questions,
        InScope = assistant.InScope,
        OutOfScope = assistant.OutOfScope,
        Top1 = assistant.Top1,
        RecallAt3 = assistant.RecallAt3,
        Mrr = assistant.Mrr,
        WrongAnswerRate = assistant.WrongAnswerRate,
        ClarifyRate = assistant.ClarifyRate,
        FallbackRate = assistant.FallbackRate,
        OosPrecision = assistant.OosPrecision,
        OosRecall = assistant.OosRecall,
        LatencyMs = assistant.LatencyMs,
        Baseline = baseline,
    };
}
