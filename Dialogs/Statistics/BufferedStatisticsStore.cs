using System.Collections.Concurrent;
using Assistant.Dialogs.Stores;

namespace Assistant.Dialogs.Statistics;

/// <summary>
/// Keeps a turn's counters in memory and writes them in one batch per flush, so answering a citizen never waits for a statistics
/// write (on PostgreSQL that write cost a turn a round trip). A dashboard's sum flushes first, so figures are never behind; a
/// crash loses at most the counters since the last flush (a couple of seconds).
/// </summary>
public sealed class BufferedStatisticsStore(IStatisticsStore inner) : IStatisticsStore
{
    private readonly ConcurrentDictionary<(DateOnly Day, string Channel, string Segment, string Metric, string Key), long> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public Task AddAsync(DateOnly day, string channel, string segment, IReadOnlyList<StatCounter> counters, CancellationToken cancellationToken)
    {
        foreach (var counter in counters)
        {
            _pending.AddOrUpdate((day, channel, segment, counter.Metric, counter.Key), counter.Delta, (_, sum) => sum + counter.Delta);
        }

        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<StatTotal>> SumAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await inner.SumAsync(filter, cancellationToken);
    }

    /// <summary>Writes what has been counted since the last flush; counters that fail to write are kept for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var taken = new List<((DateOnly Day, string Channel, string Segment, string Metric, string Key) Key, long Value)>();
            foreach (var key in _pending.Keys)
            {
                if (_pending.TryRemove(key, out var value))
                {
                    taken.Add((key, value));
                }
            }

            foreach (var batch in taken.GroupBy(t => (t.Key.Day, t.Key.Channel, t.Key.Segment)))
            {
                var counters = batch.Select(t => new StatCounter(t.Key.Metric, t.Key.Key, t.Value)).ToList();
                try
                {
                    await inner.AddAsync(batch.Key.Day, batch.Key.Channel, batch.Key.Segment, counters, cancellationToken);
                }
                catch
                {
                    foreach (var (key, value) in batch)
                    {
                        _pending.AddOrUpdate(key, value, (_, sum) => sum + value);
                    }

                    throw;
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }
}
