namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>Processed channel message ids in PostgreSQL; the primary key makes the mark atomic across hosts.</summary>
public sealed class PostgresProcessedMessageStore(PostgresDatabase database) : IProcessedMessageStore
{
    public async Task<bool> IsProcessedAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT 1 FROM processed_messages WHERE channel = @channel AND message_id = @id",
            ("channel", channel), ("id", messageId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<bool> TryMarkAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "INSERT INTO processed_messages (channel, message_id, processed_at) VALUES (@channel, @id, now()) ON CONFLICT DO NOTHING",
            ("channel", channel), ("id", messageId));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task ForgetAsync(string channel, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM processed_messages WHERE channel = @channel AND message_id = @id", ("channel", channel), ("id", messageId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ForgetOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "DELETE FROM processed_messages WHERE processed_at < @before", ("before", before.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
