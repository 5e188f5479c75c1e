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
            ON CONFLICT (day, channel, segment, metric, key) DO UPDATE SET value = daily_stats.value + excluded.value;
            INSERT INTO monthly_stats (month, channel, segment, metric, key, value)
            SELECT @month, @channel, @segment, m, k, d FROM unnest(@metrics, @keys, @deltas) AS t(m, k, d)
            ON CONFLICT (month, channel, segment, metric, key) DO UPDATE SET value = monthly_stats.value + excluded.value;
            """,
            ("day", day), ("month", StatRange.MonthOf(day)), ("channel", channel), ("segment", segment),
            ("metrics", counters.Select(c => c.Metric).ToArray()), ("keys", counters.Select(c => c.Key).ToArray()),
            ("deltas", counters.Select(c => c.Delta).ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StatTotal>> SumAsync(StatFilter filter, CancellationToken cancellationToken)
    {
        var range = StatRange.Of(filter.From, filter.To);
        var parts = new List<string>();
        var parameters = new List<(string, object?)> { ("channel", filter.Channel), ("segment", filter.Segment) };
        const string Where = "(@channel::text IS NULL OR channel = @channel) AND (@segment::text IS NULL OR segment = @segment)";
        for (var i = 0; i < range.DayRanges.Count; i++)
        {
            parts.Add($"SELECT metric, key, value FROM daily_stats WHERE day BETWEEN @from{i} AND @to{i} AND {Where}");
            parameters.Add(($"from{i}", range.DayRanges[i].From));
            parameters.Add(($"to{i}", range.DayRanges[i].To));
        }

        if (range.FirstMonth is { } first && range.LastMonth is { } last)
        {
            parts.Add($"SELECT metric, key, value FROM monthly_stats WHERE month BETWEEN @firstMonth AND @lastMonth AND {Where}");
            parameters.Add(("firstMonth", first));
            parameters.Add(("lastMonth", last));
        }

        if (parts.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            $"SELECT metric, key, SUM(value)::bigint FROM ({string.Join(" UNION ALL ", parts)}) AS parts GROUP BY metric, key", [.. parameters]);
        var totals = new List<StatTotal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Add(new StatTotal(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return totals;
    }
}
