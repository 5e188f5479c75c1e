using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores.Sqlite;
using Npgsql;

namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>
/// Transcripts in PostgreSQL. The next sequence is taken in the statement that inserts; appends for one conversation are already
/// one at a time (the person's lock), and a collision with another writer is retried rather than lost.
/// </summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    private const int Attempts = 3;

    public async Task<long> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken) =>
        (await AppendAsync([entry], cancellationToken))[0];

    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAppendAsync(entries, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < Attempts)
            {
            }
        }
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            SELECT sequence, author, kind, text, buttons::text, source_url, operator_id, at FROM transcript
            WHERE conversation_id = @id AND sequence > @after ORDER BY sequence
            """, ("id", conversationId), ("after", afterSequence));
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TranscriptEntry
            {
                ConversationId = conversationId,
                Sequence = reader.GetInt64(0),
                From = reader.GetString(1),
                Kind = reader.IsDBNull(2) ? null : Enum.Parse<MessageKind>(reader.GetString(2)),
                Text = reader.GetString(3),
                Buttons = DialogDatabase.FromJson<List<QuickReply>>(reader.GetString(4)),
                SourceUrl = reader.IsDBNull(5) ? null : reader.GetString(5),
                OperatorId = reader.IsDBNull(6) ? null : reader.GetString(6),
                Timestamp = reader.GetFieldValue<DateTimeOffset>(7),
            });
        }

        return entries;
    }

    private async Task<IReadOnlyList<long>> TryAppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sequences = new List<long>(entries.Count);
        foreach (var entry in entries)
        {
            await using var command = PostgresDatabase.Command(connection, """
                INSERT INTO transcript (conversation_id, sequence, author, kind, text, buttons, source_url, operator_id, at)
                SELECT @id, COALESCE(MAX(sequence), 0) + 1, @author, @kind, @text, @buttons, @source, @operator, @at
                FROM transcript WHERE conversation_id = @id
                RETURNING sequence
                """,
                ("id", entry.ConversationId), ("author", entry.From), ("kind", entry.Kind?.ToString()), ("text", entry.Text),
                ("source", entry.SourceUrl), ("operator", entry.OperatorId), ("at", entry.Timestamp.ToUniversalTime()));
            command.Parameters.Add(PostgresDatabase.Json("buttons", entry.Buttons));
            command.Transaction = transaction;
            sequences.Add((long)(await command.ExecuteScalarAsync(cancellationToken))!);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequences;
    }
}
