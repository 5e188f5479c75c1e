using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores.Sqlite;

namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>Transcripts in PostgreSQL; the next sequence is taken in the statement that inserts, under the conversation's own lock.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    public async Task<long> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken) =>
        (await AppendAsync([entry], cancellationToken))[0];

    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        // One conversation per batch, so one lock: locks on several could be taken in crossed order by two writers.
        var conversationId = entries[0].ConversationId;
        if (entries.Any(e => e.ConversationId != conversationId))
        {
            throw new ArgumentException("A batch of transcript entries belongs to one conversation.", nameof(entries));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Appends to one conversation queue on a lock of their own (held to the end of the transaction), so MAX + 1 never collides.
        await using (var gate = PostgresDatabase.Command(connection, "SELECT pg_advisory_xact_lock(hashtext(@id))", ("id", conversationId)))
        {
            gate.Transaction = transaction;
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }

        var sequences = new List<long>(entries.Count);
        foreach (var entry in entries)
        {
            await using var command = PostgresDatabase.Command(connection, """
                INSERT INTO transcript (conversation_id, sequence, author, kind, text, buttons, source_url, operator_id, at, article_id)
                SELECT @id, COALESCE(MAX(sequence), 0) + 1, @author, @kind, @text, @buttons, @source, @operator, @at, @article
                FROM transcript WHERE conversation_id = @id
                RETURNING sequence
                """,
                ("id", entry.ConversationId), ("author", entry.From), ("kind", entry.Kind?.ToString()), ("text", entry.Text),
                ("source", entry.SourceUrl), ("operator", entry.OperatorId), ("at", entry.Timestamp.ToUniversalTime()), ("article", entry.ArticleId));
            command.Parameters.Add(PostgresDatabase.Json("buttons", entry.Buttons));
            command.Transaction = transaction;
            sequences.Add((long)(await command.ExecuteScalarAsync(cancellationToken))!);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequences;
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            SELECT sequence, author, kind, text, buttons::text, source_url, operator_id, at, article_id FROM transcript
            WHERE conversation_id = @id AND sequence > @after ORDER BY sequence
            """, ("id", conversationId), ("after", afterSequence));
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(DurableRows.Transcript(reader, conversationId, (r, i) => r.GetFieldValue<DateTimeOffset>(i)));
        }

        return entries;
    }
}
