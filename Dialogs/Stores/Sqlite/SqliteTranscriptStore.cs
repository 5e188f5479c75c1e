using Microsoft.Data.Sqlite;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>Transcripts in dialogs.db; the next sequence is taken in the same statement that inserts, so appends never collide.</summary>
public sealed class SqliteTranscriptStore(DialogDatabase database) : ITranscriptStore
{
    public async Task<long> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken) =>
        (await AppendAsync([entry], cancellationToken))[0];

    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var sequences = new List<long>(entries.Count);
        foreach (var entry in entries)
        {
            await using var command = DialogDatabase.Command(connection, """
                INSERT INTO transcript (conversation_id, sequence, author, kind, text, buttons, source_url, operator_id, at, article_id)
                SELECT $id, COALESCE(MAX(sequence), 0) + 1, $author, $kind, $text, $buttons, $source, $operator, $at, $article
                FROM transcript WHERE conversation_id = $id
                RETURNING sequence
                """,
                ("$id", entry.ConversationId), ("$author", entry.From), ("$kind", entry.Kind?.ToString()), ("$text", entry.Text),
                ("$buttons", DialogDatabase.ToJson(entry.Buttons)), ("$source", entry.SourceUrl), ("$operator", entry.OperatorId),
                ("$at", DialogDatabase.Time(entry.Timestamp)), ("$article", entry.ArticleId));
            command.Transaction = transaction;
            sequences.Add(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }

        await transaction.CommitAsync(cancellationToken);
        return sequences;
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, """
            SELECT sequence, author, kind, text, buttons, source_url, operator_id, at, article_id FROM transcript
            WHERE conversation_id = $id AND sequence > $after ORDER BY sequence
            """, ("$id", conversationId), ("$after", afterSequence));
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(DurableRows.Transcript(reader, conversationId, (r, i) => DialogDatabase.Time(r.GetString(i))));
        }

        return entries;
    }
}
