using System.Diagnostics.Metrics;

namespace Assistant.Knowledge.Retrieval;

/// <summary>The KB's metrics (meter <see cref="MeterName"/>): index rebuilds (start, import, moderators' edits) and how long they took.</summary>
public static class KnowledgeMetrics
{
    public const string MeterName = "Assistant.Knowledge";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Reloads = Meter.CreateCounter<long>("assistant.kb.reloads", description: "Rebuilds of the KB's search index, by result (ok, failed)");

    private static readonly Histogram<double> ReloadTime = Meter.CreateHistogram<double>("assistant.kb.reload.duration", unit: "s", description: "How long a rebuild of the KB's search index took",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300] });

    internal static void Reloaded(bool ok, TimeSpan took)
    {
        Reloads.Add(1, new KeyValuePair<string, object?>("result", ok ? "ok" : "failed"));
        ReloadTime.Record(took.TotalSeconds);
    }
}
