using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Stores.Sqlite;

namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>Written requests in PostgreSQL, numbered by a sequence: never reused, whichever host files the request.</summary>
public sealed class PostgresWrittenRequestStore(PostgresDatabase database) : IWrittenRequestStore
{
    public async Task<long> NextNumberAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT nextval('written_request_numbers')");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task AddAsync(WrittenRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO written_requests (number, conversation_id, channel, text, contact, life_situation, article_ids, created_at, due_at)
            VALUES (@number, @conversation, @channel, @text, @contact, @situation, @articles, @created, @due)
            """,
            ("number", request.Number), ("conversation", request.ConversationId), ("channel", request.Channel), ("text", request.Text),
            ("contact", request.Contact), ("situation", request.LifeSituation),
            ("created", request.CreatedAt.ToUniversalTime()), ("due", request.DueAt.ToUniversalTime()));
        command.Parameters.Add(PostgresDatabase.Json("articles", request.ArticleIds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<WrittenRequest?> GetAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            SELECT number, conversation_id, channel, text, contact, life_situation, article_ids::text, created_at, due_at
            FROM written_requests WHERE number = @number
            """, ("number", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return DurableRows.Request(reader, (r, i) => r.GetFieldValue<DateTimeOffset>(i));
    }

    private const string SelectWithWork = """
        SELECT r.number, r.conversation_id, r.channel, r.text, r.contact, r.life_situation, r.article_ids::text, r.created_at, r.due_at, w.work
        FROM written_requests r LEFT JOIN written_request_work w ON w.number = r.number
        """;

    public async Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, SelectWithWork + " ORDER BY r.due_at");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<DeskRequest?> GetWithWorkAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, SelectWithWork + " WHERE r.number = @number", ("number", number));
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    public async Task<bool> SaveWorkAsync(string number, RequestWork expected, RequestWork next, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (expected == new RequestWork())
        {
            await using var insert = PostgresDatabase.Command(connection,
                "INSERT INTO written_request_work (number, work) VALUES (@number, @next) ON CONFLICT (number) DO NOTHING",
                ("number", number), ("next", Sqlite.DialogDatabase.ToJson(next)));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return true;
            }
        }

        await using var update = PostgresDatabase.Command(connection,
            "UPDATE written_request_work SET work = @next WHERE number = @number AND work = @expected",
            ("number", number), ("next", Sqlite.DialogDatabase.ToJson(next)), ("expected", Sqlite.DialogDatabase.ToJson(expected)));
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<IReadOnlyList<DeskRequest>> ReadAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var requests = new List<DeskRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var request = DurableRows.Request(reader, (r, i) => r.GetFieldValue<DateTimeOffset>(i));
            var work = reader.IsDBNull(9) ? new RequestWork() : Sqlite.DialogDatabase.FromJson<RequestWork>(reader.GetString(9));
            requests.Add(new DeskRequest(request, work));
        }

        return requests;
    }
}
