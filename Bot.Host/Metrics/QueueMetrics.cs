using System.Diagnostics.Metrics;
using Assistant.Bot.Host.Staff.Console;

namespace Assistant.Bot.Host.Metrics;

/// <summary>
/// Queue length and the longest wait per operators' group, as gauges. Read from the operators' queue snapshot every few seconds,
/// not at scrape time: a gauge callback cannot wait for a store, and a scrape must not add load to it.
/// </summary>
public sealed class QueueMetrics : BackgroundService
{
    public const string MeterName = "Assistant.Queue";

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly QueueSnapshot _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueMetrics> _logger;
    private readonly Meter _meter = new(MeterName);
    private volatile IReadOnlyList<(string Group, int Waiting, double OldestSeconds)> _groups = [];

    public QueueMetrics(QueueSnapshot queue, TimeProvider time, ILogger<QueueMetrics> logger)
    {
        _queue = queue;
        _time = time;
        _logger = logger;
        _meter.CreateObservableGauge("assistant.queue.length", () => _groups.Select(g => new Measurement<int>(g.Waiting, new KeyValuePair<string, object?>("group", g.Group))),
            description: "Citizens waiting for an operator, by group");
        _meter.CreateObservableGauge("assistant.queue.oldest_wait", () => _groups.Select(g => new Measurement<double>(g.OldestSeconds, new KeyValuePair<string, object?>("group", g.Group))),
            unit: "s", description: "How long the longest-waiting citizen of a group has waited");
    }

    /// <summary>Reads the queue now (the service also does so every few seconds).</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        var (waiting, _) = await _queue.GetAsync(cancellationToken);
        var now = _time.GetUtcNow();
        _groups = [.. waiting.GroupBy(e => e.Group, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Count(), g.Max(e => (now - e.WaitingSince).TotalSeconds)))];
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, _time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning(e, "Reading the operators' queue for the metrics failed; trying again in {Seconds} s", Every.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
