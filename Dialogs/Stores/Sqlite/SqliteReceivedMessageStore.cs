namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>Received, unprocessed channel messages in dialogs.db. Times are Unix milliseconds, so leases compare as numbers.</summary>
public sealed class SqliteReceivedMessageStore(DialogDatabase database) : IReceivedMessageStore
{
    public async Task<bool> AddAsync(ReceivedMessage message, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection, """
            INSERT INTO received_messages (channel, id, payload, owner, lease_until, received_at)
            VALUES ($channel, $id, $payload, $owner, $lease, $at) ON CONFLICT DO NOTHING
            """,
            ("$channel", message.Channel), ("$id", message.Id), ("$payload", message.Payload), ("$owner", owner),
            ("$lease", leaseUntil.ToUnixTimeMilliseconds()), ("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RemoveAsync(string channel, string id, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection,
            "DELETE FROM received_messages WHERE channel = $channel AND id = $id", ("$channel", channel), ("$id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RenewAsync(string owner, string channel, IReadOnlyCollection<string> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        foreach (var batch in ids.Chunk(500))
        {
            var names = batch.Select((_, i) => "$i" + i).ToList();
            await using var command = DialogDatabase.Command(write.Connection,
                $"UPDATE received_messages SET lease_until = $lease WHERE owner = $owner AND channel = $channel AND id IN ({string.Join(", ", names)})",
                [("$lease", leaseUntil.ToUnixTimeMilliseconds()), ("$owner", owner), ("$channel", channel), .. batch.Select((id, i) => (names[i], (object?)id))]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<string?> GetPositionAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, "SELECT position FROM stream_positions WHERE stream = $stream", ("$stream", stream));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetPositionAsync(string stream, string position, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection,
            "INSERT INTO stream_positions (stream, position) VALUES ($stream, $position) ON CONFLICT (stream) DO UPDATE SET position = excluded.position",
            ("$stream", stream), ("$position", position));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountAsync(string channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, "SELECT count(*) FROM received_messages WHERE channel = $channel", ("$channel", channel));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> ForgetReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection,
            "DELETE FROM received_messages WHERE received_at < $before", ("$before", before.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string owner, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection,
            "UPDATE received_messages SET lease_until = 0 WHERE owner = $owner", ("$owner", owner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ClaimExpiredAsync(
        string channel, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        // One writer at a time (the process's write gate, then SQLite's own lock), so the select and the update see the same rows.
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = write.Connection.BeginTransaction();
        var claimed = new List<ReceivedMessage>();
        await using (var select = DialogDatabase.Command(write.Connection, """
            SELECT id, payload FROM received_messages WHERE channel = $channel AND lease_until < $now
            ORDER BY received_at, rowid LIMIT $max
            """, ("$channel", channel), ("$now", now.ToUnixTimeMilliseconds()), ("$max", max)))
        {
            select.Transaction = transaction;
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ReceivedMessage(channel, reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var message in claimed)
        {
            await using var update = DialogDatabase.Command(write.Connection,
                "UPDATE received_messages SET owner = $owner, lease_until = $lease WHERE channel = $channel AND id = $id",
                ("$owner", owner), ("$lease", leaseUntil.ToUnixTimeMilliseconds()), ("$channel", channel), ("$id", message.Id));
            update.Transaction = transaction;
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
