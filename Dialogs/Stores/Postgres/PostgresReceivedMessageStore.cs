namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>Received, unprocessed channel messages in PostgreSQL, shared by every host: a host that dies leaves its leases to the others.</summary>
public sealed class PostgresReceivedMessageStore(PostgresDatabase database) : IReceivedMessageStore
{
    public async Task<bool> AddAsync(ReceivedMessage message, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO received_messages (channel, id, payload, owner, lease_until, received_at)
            VALUES (@channel, @id, @payload, @owner, @lease, clock_timestamp()) ON CONFLICT DO NOTHING
            """,
            ("channel", message.Channel), ("id", message.Id), ("payload", message.Payload), ("owner", owner), ("lease", leaseUntil.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RemoveAsync(string channel, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM received_messages WHERE channel = @channel AND id = @id", ("channel", channel), ("id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RenewAsync(string owner, string channel, IReadOnlyCollection<string> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "UPDATE received_messages SET lease_until = @lease WHERE owner = @owner AND channel = @channel AND id = ANY(@ids)",
            ("lease", leaseUntil.ToUniversalTime()), ("owner", owner), ("channel", channel), ("ids", ids.ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string?> GetPositionAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT position FROM stream_positions WHERE stream = @stream", ("stream", stream));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetPositionAsync(string stream, string position, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "INSERT INTO stream_positions (stream, position) VALUES (@stream, @position) ON CONFLICT (stream) DO UPDATE SET position = EXCLUDED.position",
            ("stream", stream), ("position", position));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT count(*) FROM received_messages WHERE channel = @channel", ("channel", channel));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ForgetReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM received_messages WHERE received_at < @before", ("before", before.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "UPDATE received_messages SET lease_until = '-infinity' WHERE owner = @owner", ("owner", owner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ClaimExpiredAsync(
        string channel, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        // SKIP LOCKED: two hosts claiming at once each take other rows instead of waiting for, or double-taking, the same ones.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            WITH due AS (
                SELECT channel, id FROM received_messages WHERE channel = @channel AND lease_until < @now
                ORDER BY received_at LIMIT @max FOR UPDATE SKIP LOCKED)
            UPDATE received_messages r SET owner = @owner, lease_until = @lease FROM due
            WHERE r.channel = due.channel AND r.id = due.id
            RETURNING r.id, r.payload, r.received_at
            """,
            ("channel", channel), ("now", now.ToUniversalTime()), ("max", max), ("owner", owner), ("lease", leaseUntil.ToUniversalTime()));
        var claimed = new List<(ReceivedMessage Message, DateTime At)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((new ReceivedMessage(channel, reader.GetString(0), reader.GetString(1)), reader.GetDateTime(2)));
        }

        // RETURNING does not keep the order of the CTE.
        return [.. claimed.OrderBy(c => c.At).Select(c => c.Message)];
    }
}
