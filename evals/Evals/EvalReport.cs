using System.Text.Json.Serialization;

namespace Assistant.Evals;

/// <summary>report.json: the assistant's figures at the top level and the BM25 baseline's under "baseline".</summary>
public sealed record EvalReport : EvalMetrics
{
    private EvalReport(EvalMetrics assistant)
        : base(assistant)
    {
    }

    [JsonPropertyName("baseline")] public required EvalMetrics Baseline { get; init; }

    public static EvalReport From(EvalMetrics assistant, EvalMetrics baseline) => new(assistant) { Baseline = baseline };
}
