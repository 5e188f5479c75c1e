using Assistant.Dialogs.Statistics;

namespace Assistant.Dialogs.Stores.Postgres;

public sealed class PostgresStatisticsStore(PostgresDatabase database) : IStatisticsStore
{
    public async Task AddAsync(DateOnly day, string channel, string segment, IReadOnlyList<StatCounter> counters, CancellationToken cancellationToken)
    {
        if (counters.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO daily_stats (day, channel, segment, metric, key, value)
            SELECT @day, @channel, @segment, m, k, d FROM unnest(@metrics, @keys, @deltas) AS t(m, k, d)
            ON CONFLICT (day, channel, segment, metric, key) DO UPDATE SET value = daily_stats.value + excluded.value
            """,
            ("day", day), ("channel", channel), ("segment", segment),
            ("metrics", counters.Select(c => c.Metric).ToArray()), ("keys", counters.Select(c => c.Key).ToArray()),
            ("deltas", counters.Select(c => c.Delta).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StatTotal>> SumAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            SELECT metric, key, SUM(value)::bigint FROM daily_stats
            WHERE day BETWEEN @from AND @to AND (@channel::text IS NULL OR channel = @channel) AND (@segment::text IS NULL OR segment = @segment)
            GROUP BY metric, key
            """,
            ("from", filter.From), ("to", filter.To), ("channel", filter.Channel), ("segment", filter.Segment));
        var totals = new List<StatTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new StatTotal(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return totals;
    }
}
