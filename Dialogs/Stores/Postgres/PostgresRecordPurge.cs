using Assistant.Dialogs.Retention;

namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>
/// Retention in PostgreSQL: each batch is one DELETE of a bounded set of rows (by ctid), so no statement holds row locks for
/// long. Finished conversations' state lives where the conversation store keeps it (<paramref name="conversations"/>).
/// </summary>
internal sealed class PostgresRecordPurge(PostgresDatabase database, IRecordPurge? conversations) : IRecordPurge
{
    public async Task<long> CountOlderAsync(RecordKind kind, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, $"SELECT COUNT(*) FROM {Table(kind)} WHERE {Column(kind)} < @before", ("before", before.ToUniversalTime()));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> DeleteOlderAsync(RecordKind kind, DateTimeOffset before, int batch, CancellationToken cancellationToken)
    {
        var (table, column) = (Table(kind), Column(kind));
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = kind == RecordKind.WrittenRequests
            ? $"""
               WITH gone AS (DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {column} < @before LIMIT @batch) RETURNING number)
               , work AS (DELETE FROM written_request_work WHERE number IN (SELECT number FROM gone))
               SELECT COUNT(*) FROM gone
               """
            : $"WITH gone AS (DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {column} < @before LIMIT @batch) RETURNING 1) SELECT COUNT(*) FROM gone";
        await using var command = PostgresDatabase.Command(connection, sql, ("before", before.ToUniversalTime()), ("batch", batch));
        var deleted = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (kind == RecordKind.Transcripts)
        {
            // Who a conversation belonged to goes with its transcript.
            await using var people = PostgresDatabase.Command(connection,
                "WITH gone AS (DELETE FROM conversation_people WHERE ctid IN (SELECT ctid FROM conversation_people WHERE at < @before LIMIT @batch) RETURNING 1) SELECT COUNT(*) FROM gone",
                ("before", before.ToUniversalTime()), ("batch", batch));
            deleted += Convert.ToInt32(await people.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (kind == RecordKind.Transcripts && conversations is not null)
        {
            deleted += await conversations.DeleteOlderAsync(kind, before, batch, cancellationToken);
        }

        return deleted;
    }

    private static string Table(RecordKind kind) => kind switch
    {
        RecordKind.Transcripts => "transcript",
        RecordKind.WrittenRequests => "written_requests",
        RecordKind.Ratings => "ratings",
        RecordKind.Unanswered => "unanswered",
        _ => "received_messages",
    };

    private static string Column(RecordKind kind) => kind switch
    {
        RecordKind.Transcripts => "at",
        RecordKind.WrittenRequests => "created_at",
        RecordKind.Ratings => "rated_at",
        RecordKind.Unanswered => "at",
        _ => "received_at",
    };

    public async Task<long> EraseAsync(IReadOnlyCollection<string> conversationIds, Activities.ConversationKey person, CancellationToken cancellationToken)
    {
        long deleted = 0;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var ids = conversationIds.ToArray();
            foreach (var sql in new[]
            {
                "DELETE FROM transcript WHERE conversation_id = ANY(@ids)",
                "DELETE FROM written_request_work WHERE number IN (SELECT number FROM written_requests WHERE conversation_id = ANY(@ids))",
                "DELETE FROM written_requests WHERE conversation_id = ANY(@ids)",
                "DELETE FROM ratings WHERE conversation_id = ANY(@ids)",
                "DELETE FROM unanswered WHERE data::jsonb->>'conversationId' = ANY(@ids)",
                "DELETE FROM client_records WHERE channel = @channel AND user_id = @user",
                "DELETE FROM conversation_people WHERE channel = @channel AND user_id = @user",
            })
            {
                await using var command = PostgresDatabase.Command(connection, sql, ("ids", ids), ("channel", person.Channel), ("user", person.UserId));
                command.Transaction = transaction;
                deleted += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // Whatever of the person's conversations dialogs.db still holds (its tables are otherwise unused here).
        return deleted + (conversations is null ? 0 : await conversations.EraseAsync(conversationIds, person, cancellationToken));
    }
}
