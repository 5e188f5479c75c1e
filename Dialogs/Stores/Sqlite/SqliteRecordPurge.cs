using Assistant.Dialogs.Retention;

namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>Retention in dialogs.db: each batch is one short DELETE … LIMIT under the process's writer lock.</summary>
internal sealed class SqliteRecordPurge(DialogDatabase database) : IRecordPurge
{
    public async Task<long> CountOlderAsync(RecordKind kind, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        long total = 0;
        foreach (var (table, condition) in Targets(kind))
        {
            await using var command = DialogDatabase.Command(connection, $"SELECT COUNT(*) FROM {table} WHERE {condition}", Parameters(kind, before));
            total += Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    public async Task<int> DeleteOlderAsync(RecordKind kind, DateTimeOffset before, int batch, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var (table, condition) in Targets(kind))
        {
            await using var write = await database.OpenForWriteAsync(cancellationToken);
            if (table == "written_requests")
            {
                // The desk's notes on a request go with it.
                await using var work = DialogDatabase.Command(write.Connection,
                    $"DELETE FROM written_request_work WHERE number IN (SELECT number FROM written_requests WHERE {condition} LIMIT $batch)",
                    [.. Parameters(kind, before), ("$batch", batch)]);
                await work.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = DialogDatabase.Command(write.Connection,
                $"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {condition} LIMIT $batch)", [.. Parameters(kind, before), ("$batch", batch)]);
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }

    /// <summary>The tables of a kind and the condition on age; finished conversations go with their transcripts.</summary>
    private static IEnumerable<(string Table, string Condition)> Targets(RecordKind kind) => kind switch
    {
        RecordKind.Transcripts => [("transcript", "at < $before"), ("conversations", "state = 'Done' AND last_activity_at < $before"), ("conversation_people", "at < $before")],
        RecordKind.WrittenRequests => [("written_requests", "created_at < $before")],
        RecordKind.Ratings => [("ratings", "rated_at < $before")],
        RecordKind.Unanswered => [("unanswered", "at < $before")],
        _ => [("received_messages", "received_at < $beforeMs")],
    };

    private static (string Name, object? Value)[] Parameters(RecordKind kind, DateTimeOffset before) =>
        [("$before", DialogDatabase.Time(before.ToUniversalTime())), ("$beforeMs", before.ToUnixTimeMilliseconds())];

    public async Task<long> EraseAsync(IReadOnlyCollection<string> conversationIds, Activities.ConversationKey person, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = write.Connection.BeginTransaction();
        long deleted = 0;
        foreach (var id in conversationIds)
        {
            foreach (var sql in ByConversation)
            {
                await using var command = DialogDatabase.Command(write.Connection, sql, ("$id", id));
                command.Transaction = transaction;
                deleted += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var sql in ByPerson)
        {
            await using var command = DialogDatabase.Command(write.Connection, sql, ("$channel", person.Channel), ("$user", person.UserId));
            command.Transaction = transaction;
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static readonly string[] ByConversation =
    [
        "DELETE FROM transcript WHERE conversation_id = $id",
        "DELETE FROM written_request_work WHERE number IN (SELECT number FROM written_requests WHERE conversation_id = $id)",
        "DELETE FROM written_requests WHERE conversation_id = $id",
        "DELETE FROM ratings WHERE conversation_id = $id",
        "DELETE FROM unanswered WHERE json_extract(data, '$.conversationId') = $id",
    ];

    private static readonly string[] ByPerson =
    [
        "DELETE FROM client_records WHERE channel = $channel AND user_id = $user",
        "DELETE FROM conversation_people WHERE channel = $channel AND user_id = $user",
    ];
}
