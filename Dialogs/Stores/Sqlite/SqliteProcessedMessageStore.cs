namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>Processed channel message ids in dialogs.db; the primary key makes the mark atomic.</summary>
public sealed class SqliteProcessedMessageStore(DialogDatabase database) : IProcessedMessageStore
{
    public async Task<bool> IsProcessedAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, "SELECT 1 FROM processed_messages WHERE channel = $channel AND message_id = $id",
            ("$channel", channel), ("$id", messageId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<bool> TryMarkAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        await using var command = DialogDatabase.Command(connection,
            "INSERT INTO processed_messages (channel, message_id, processed_at) VALUES ($channel, $id, $at) ON CONFLICT DO NOTHING",
            ("$channel", channel), ("$id", messageId), ("$at", DialogDatabase.Time(DateTimeOffset.UtcNow)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ForgetAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        await using var command = DialogDatabase.Command(connection,
            "DELETE FROM processed_messages WHERE channel = $channel AND message_id = $id", ("$channel", channel), ("$id", messageId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ForgetOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection,
            "DELETE FROM processed_messages WHERE julianday(processed_at) < julianday($before)", ("$before", DialogDatabase.Time(before)));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
