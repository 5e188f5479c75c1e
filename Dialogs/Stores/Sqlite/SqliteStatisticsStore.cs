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
            await using var command = DialogDatabase.Command(write.Connection, """
                INSERT INTO daily_stats (day, channel, segment, metric, key, value) VALUES ($day, $channel, $segment, $metric, $key, $delta)
                ON CONFLICT (day, channel, segment, metric, key) DO UPDATE SET value = value + excluded.value
                """,
                ("$day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("$channel", channel), ("$segment", segment),
                ("$metric", counter.Metric), ("$key", counter.Key), ("$delta", counter.Delta));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StatTotal>> SumAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, """
            SELECT metric, key, SUM(value) FROM daily_stats
            WHERE day BETWEEN $from AND $to AND ($channel IS NULL OR channel = $channel) AND ($segment IS NULL OR segment = $segment)
            GROUP BY metric, key
            """,
            ("$from", filter.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("$to", filter.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("$channel", filter.Channel), ("$segment", filter.Segment));
        var totals = new List<StatTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new StatTotal(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return totals;
    }
}
