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

    private const string SelectWithWork = """
        SELECT r.number, r.conversation_id, r.channel, r.text, r.contact, r.life_situation, r.article_ids, r.created_at, r.due_at, w.work
        FROM written_requests r LEFT JOIN written_request_work w ON w.number = r.number
        """;

    public async Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, SelectWithWork + " ORDER BY r.due_at");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<DeskRequest?> GetWithWorkAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, SelectWithWork + " WHERE r.number = $number", ("$number", number));
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<bool> SaveWorkAsync(string number, RequestWork expected, RequestWork next, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        if (expected == new RequestWork())
        {
            await using var insert = DialogDatabase.Command(connection,
                "INSERT INTO written_request_work (number, work) VALUES ($number, $next) ON CONFLICT (number) DO NOTHING",
                ("$number", number), ("$next", DialogDatabase.ToJson(next)));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return true;
            }
        }

        await using var update = DialogDatabase.Command(connection,
            "UPDATE written_request_work SET work = $next WHERE number = $number AND work = $expected",
            ("$number", number), ("$next", DialogDatabase.ToJson(next)), ("$expected", DialogDatabase.ToJson(expected)));
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<DeskRequest>> ReadAsync(Microsoft.Data.Sqlite.SqliteCommand command, CancellationToken cancellationToken)
    {
        var requests = new List<DeskRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var request = DurableRows.Request(reader, (r, i) => DialogDatabase.Time(r.GetString(i)));
            var work = reader.IsDBNull(9) ? new RequestWork() : DialogDatabase.FromJson<RequestWork>(reader.GetString(9));
            requests.Add(new DeskRequest(request, work));
        }

        return requests;
    }
}
