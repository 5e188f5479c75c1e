using Assistant.Dialogs.Statistics;
using Microsoft.Data.Sqlite;

namespace Assistant.Dialogs.Stores.Sqlite;

public sealed class SqliteStatisticsStore(DialogDatabase database) : IStatisticsStore
{
    public async Task AddAsync(DateOnly day, string channel, string segment, IReadOnlyList<StatCounter> counters, CancellationToken cancellationToken)
    {
        if (counters.Count == 0)
        {
            return;
        }

        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await write.Connection.BeginTransactionAsync(cancellationToken);
        foreach (var counter in counters)
        {
            foreach (var (table, column, period) in new[] { ("daily_stats", "day", Day(day)), ("monthly_stats", "month", Day(StatRange.MonthOf(day))) })
            {
                await using var command = DialogDatabase.Command(write.Connection, $"""
                    INSERT INTO {table} ({column}, channel, segment, metric, key, value) VALUES ($period, $channel, $segment, $metric, $key, $delta)
                    ON CONFLICT ({column}, channel, segment, metric, key) DO UPDATE SET value = value + excluded.value
                    """,
                    ("$period", period), ("$channel", channel), ("$segment", segment), ("$metric", counter.Metric), ("$key", counter.Key), ("$delta", counter.Delta));
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StatTotal>> SumAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        var range = StatRange.Of(filter.From, filter.To);
        var parts = new List<string>();
        var parameters = new List<(string, object?)> { ("$channel", filter.Channel), ("$segment", filter.Segment) };
        const string Where = "($channel IS NULL OR channel = $channel) AND ($segment IS NULL OR segment = $segment)";
        for (var i = 0; i < range.DayRanges.Count; i++)
        {
            parts.Add($"SELECT metric, key, value FROM daily_stats WHERE day BETWEEN $from{i} AND $to{i} AND {Where}");
            parameters.Add(($"$from{i}", Day(range.DayRanges[i].From)));
            parameters.Add(($"$to{i}", Day(range.DayRanges[i].To)));
        }

        if (range.FirstMonth is { } first && range.LastMonth is { } last)
        {
            parts.Add($"SELECT metric, key, value FROM monthly_stats WHERE month BETWEEN $firstMonth AND $lastMonth AND {Where}");
            parameters.Add(("$firstMonth", Day(first)));
            parameters.Add(("$lastMonth", Day(last)));
        }

        if (parts.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection,
            $"SELECT metric, key, SUM(value) FROM ({string.Join(" UNION ALL ", parts)}) GROUP BY metric, key", [.. parameters]);
        var totals = new List<StatTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new StatTotal(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return totals;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
