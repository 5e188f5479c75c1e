using System.Globalization;
using System.Text;

namespace Assistant.Evals;

/// <summary>The console table: one row for the assistant, one for the baseline.</summary>
public static class EvalTable
{
    public static string Format(EvalReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"questions: {report.Questions} (in scope {report.InScope}, out of scope {report.OutOfScope})"));
        sb.AppendLine("system                      top1  rec@3    mrr  wrong clarify fallback oosPrec oosRec  p50ms  p99ms");
        Row(sb, "assistant", report.Top1, report.RecallAt3, report.Mrr, report.WrongAnswerRate, report.ClarifyRate, report.FallbackRate,
            report.OosPrecision, report.OosRecall, report.LatencyMs);
        var b = report.Baseline;
        Row(sb, "baseline (BM25 Russian)", b.Top1, b.RecallAt3, b.Mrr, b.WrongAnswerRate, b.ClarifyRate, b.FallbackRate, b.OosPrecision, b.OosRecall, b.LatencyMs);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, double top1, double recall, double mrr, double wrong, double clarify, double fallback,
        double oosPrecision, double oosRecall, LatencyFigures latency) =>
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-24} {top1,6:0.000} {recall,6:0.000} {mrr,6:0.000} {wrong,6:0.000} {clarify,7:0.000} {fallback,8:0.000} {oosPrecision,7:0.000} {oosRecall,6:0.000} {latency.P50,6:0.00} {latency.P99,6:0.00}"));
}
