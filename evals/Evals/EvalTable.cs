using System.Globalization;
using System.Text;

namespace Assistant.Evals;

/// <summary>
/// The console table: what the citizen gets first (answered right, offered right, "no answer" although the first article was right,
/// wrong answers, out-of-scope answered), then ranking; one row for the assistant and one for the baseline, then the assistant by
/// message length.
/// </summary>
public static class EvalTable
{
    private const string Header = "system                    answered offered noAns1st  wrong oosAns |  top1  rec@3    mrr clarify fallbk  p50ms  p99ms";

    public static string Format(EvalReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"questions: {report.Questions} (in scope {report.InScope}, out of scope {report.OutOfScope})"));
        sb.AppendLine(Header);
        Row(sb, "assistant", report);
        Row(sb, "baseline (BM25 Russian)", report.Baseline);
        sb.AppendLine("assistant by length      answered offered noAns1st  wrong oosAns |  top1  rec@3  (in scope / out of scope)");
        foreach (var (name, min, max) in EvalMetrics.LengthGroups)
        {
            var g = report.ByLength[name];
            var label = max == int.MaxValue ? $"  {name} (> {min - 1})" : $"  {name} ({min}–{max})";
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-24} {g.AnsweredRight,8:0.000} {g.OfferedRight,7:0.000} {g.NoAnswerFirstRight,8:0.000} {g.AnsweredWrong,6:0.000} {g.OosAnswered,6:0.000} | {g.Top1,5:0.000} {g.RecallAt3,6:0.000}  ({g.InScope} / {g.OutOfScope})"));
        }

        return sb.ToString();
    }

    /// <summary>One row of outcome figures, for tables that compare several runs (the curation curve).</summary>
    public static string OutcomeRow(string name, EvalMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-24} {m.AnsweredRight,8:0.000} {m.OfferedRight,7:0.000} {m.NoAnswerFirstRight,8:0.000} {m.AnsweredWrong,6:0.000} {m.OosAnswered,6:0.000} | {m.Top1,5:0.000} {m.RecallAt3,6:0.000} {m.Mrr,6:0.000} {m.ClarifyRate,7:0.000} {m.FallbackRate,6:0.000}");

    public static string OutcomeHeader(string first) => first.PadRight(24) + Header[24..^14];

    private static void Row(StringBuilder sb, string name, EvalMetrics m) =>
        sb.AppendLine(OutcomeRow(name, m) + string.Create(CultureInfo.InvariantCulture, $" {m.LatencyMs.P50,6:0.00} {m.LatencyMs.P99,6:0.00}"));
}
