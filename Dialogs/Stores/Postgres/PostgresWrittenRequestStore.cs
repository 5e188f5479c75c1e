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
}
