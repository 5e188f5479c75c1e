using Assistant.Dialogs.Requests;

namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>Written requests in dialogs.db, numbered from a counter row that is bumped and read in one statement.</summary>
public sealed class SqliteWrittenRequestStore(DialogDatabase database) : IWrittenRequestStore
{
    public async Task<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        await using var command = DialogDatabase.Command(connection, """
            INSERT INTO counters (name, value) VALUES ('written_requests', 1)
            ON CONFLICT (name) DO UPDATE SET value = value + 1
            RETURNING value
            """);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task AddAsync(WrittenRequest request, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        await using var command = DialogDatabase.Command(connection, """
            INSERT INTO written_requests (number, conversation_id, channel, text, contact, life_situation, article_ids, created_at, due_at)
            VALUES ($number, $conversation, $channel, $text, $contact, $situation, $articles, $created, $due)
            """,
            ("$number", request.Number), ("$conversation", request.ConversationId), ("$channel", request.Channel), ("$text", request.Text),
            ("$contact", request.Contact), ("$situation", request.LifeSituation), ("$articles", DialogDatabase.ToJson(request.ArticleIds)),
            ("$created", DialogDatabase.Time(request.CreatedAt)), ("$due", DialogDatabase.Time(request.DueAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WrittenRequest?> GetAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, """
            SELECT number, conversation_id, channel, text, contact, life_situation, article_ids, created_at, due_at
            FROM written_requests WHERE number = $number
            """, ("$number", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return DurableRows.Request(reader, (r, i) => DialogDatabase.Time(r.GetString(i)));
    }
}
