using Assistant.Dialogs.Learning;

namespace Assistant.Dialogs.Stores.Postgres;

public sealed class PostgresUnansweredStore(PostgresDatabase database) : IUnansweredStore
{
    public async Task AddAsync(UnansweredMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "INSERT INTO unanswered (at, status, data) VALUES (@at, @status, @data)",
            ("at", message.At.ToUniversalTime()), ("status", nameof(UnansweredStatus.Open)), ("data", Sqlite.DialogDatabase.ToJson(message with { Id = 0 })));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnansweredMessage>> ListAsync(UnansweredStatus status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT id, status, resolved_article, data FROM unanswered WHERE status = @status ORDER BY id DESC LIMIT @limit",
            ("status", status.ToString()), ("limit", limit));
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<UnansweredMessage>> ReadAsync(Npgsql.NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<UnansweredMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(Sqlite.DialogDatabase.FromJson<UnansweredMessage>(reader.GetString(3)) with
            {
                Id = reader.GetInt64(0),
                Status = Enum.Parse<UnansweredStatus>(reader.GetString(1)),
                ResolvedArticleId = reader.IsDBNull(2) ? null : reader.GetString(2),
            });
        }

        return messages;
    }

    public async Task<IReadOnlyList<UnansweredMessage>> ListOpenAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT id, status, resolved_article, data FROM unanswered WHERE status = 'Open' AND id = ANY(@ids) ORDER BY id DESC", ("ids", ids.ToArray()));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<int> ResolveAsync(IReadOnlyCollection<long> ids, UnansweredStatus status, string? articleId, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "UPDATE unanswered SET status = @status, resolved_article = @article WHERE status = 'Open' AND id = ANY(@ids)",
            ("status", status.ToString()), ("article", articleId), ("ids", ids.ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UnansweredMessage>> ListAttachedAsync(string articleId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "SELECT id, status, resolved_article, data FROM unanswered WHERE status = 'Attached' AND resolved_article = @article ORDER BY id DESC", ("article", articleId));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<int> ReopenAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "UPDATE unanswered SET status = 'Open', resolved_article = NULL WHERE status = 'Attached' AND id = ANY(@ids)", ("ids", ids.ToArray()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
