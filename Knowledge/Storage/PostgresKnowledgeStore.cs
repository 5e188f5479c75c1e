using System.Text.Json;
using System.Text.Json.Serialization;
using Assistant.Knowledge.Model;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Knowledge.Storage;

/// <summary>
/// The KB in PostgreSQL (ConnectionStrings:Postgres), shared by every host: one jsonb document, changed under an advisory lock.
/// Every change sends a NOTIFY on <see cref="Channel"/>, so the other hosts reload their index (<see cref="ListenAsync"/>).
/// </summary>
public sealed class PostgresKnowledgeStore : IKnowledgeStore, IAsyncDisposable
{
    public const string Channel = "assistant_kb";

    private const long WriteLock = 7107;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new WithoutNulConverter() },
    };

    private readonly NpgsqlDataSource _dataSource;

    // Tells this host's own changes apart from the others' in the notifications.
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _schemaReady;

    private readonly string _listenerConnectionString;

    public PostgresKnowledgeStore(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Articles.Count == 0;

    public async Task<KnowledgeBase> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, cancellationToken);
    }

    public async Task ReplaceAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        await ChangeAsync(previous => Versioned(kb, previous), cancellationToken);

    /// <inheritdoc />
    public Task<bool> UpdateAsync(Func<KnowledgeBase, KnowledgeBase?> change, CancellationToken cancellationToken) =>
        ChangeAsync(previous => change(previous) is { } next ? Versioned(next, previous) : null, cancellationToken);

    public Task<bool> ReplaceIfEmptyAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        ChangeAsync(previous => previous.Articles.Count == 0 ? Versioned(kb, previous) : null, cancellationToken);

    public async Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken) =>
        await AddQuestionsAsync(articleId, [question], cancellationToken) is not null;

    public async Task<Article?> AddQuestionsAsync(string articleId, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        Article? changed = null;
        await ChangeAsync(previous =>
        {
            if (!previous.Articles.Any(a => a.Id == articleId))
            {
                return null;
            }

            return previous with
            {
                Articles = [.. previous.Articles.Select(a => a.Id != articleId ? a
                    : changed = a with { Questions = [.. a.Questions, .. questions], Version = a.Version + 1, UpdatedAt = DateTimeOffset.UtcNow })],
            };
        }, cancellationToken);
        return changed;
    }

    /// <summary>
    /// Until cancelled, calls <paramref name="changedElsewhere"/> after another host changed the KB, and once each time listening
    /// starts (the first time, and after a lost connection comes back), since a change may have come before it;
    /// <paramref name="listening"/> is told when that first call is done.
    /// </summary>
    public async Task ListenAsync(Func<CancellationToken, Task> changedElsewhere, Action? listening, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // A connection of its own, never pooled, with keepalives: a silently dropped network must end in an error and
                // a reconnect, not in waiting forever.
                await using var connection = new NpgsqlConnection(_listenerConnectionString);
                await connection.OpenAsync(cancellationToken);
                var changed = false;
                connection.Notification += (_, e) => changed |= e.Payload != _origin;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                await changedElsewhere(cancellationToken);
                listening?.Invoke();
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(cancellationToken);
                    if (changed)
                    {
                        changed = false;
                        await changedElsewhere(cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Reads, changes and writes the KB in one transaction under the write lock, then notifies; false when the change was refused (null).</summary>
    private async Task<bool> ChangeAsync(Func<KnowledgeBase, KnowledgeBase?> change, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock)", connection, transaction))
        {
            gate.Parameters.AddWithValue("lock", WriteLock);
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }

        if (change(await ReadAsync(connection, transaction, cancellationToken)) is not { } next)
        {
            return false;
        }

        await using (var write = new NpgsqlCommand("""
            INSERT INTO knowledge_base (id, document, updated_at) VALUES (1, @document, now())
            ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document, updated_at = EXCLUDED.updated_at;
            SELECT pg_notify(@channel, @origin);
            """, connection, transaction))
        {
            write.Parameters.Add(new NpgsqlParameter("document", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(next, Json) });
            write.Parameters.AddWithValue("channel", Channel);
            write.Parameters.AddWithValue("origin", _origin);
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static KnowledgeBase Versioned(KnowledgeBase kb, KnowledgeBase previous)
    {
        var before = previous.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        return kb with { Articles = [.. kb.Articles.Select(a => ArticleVersions.Next(a, before.GetValueOrDefault(a.Id), now))] };
    }

    private static async Task<KnowledgeBase> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT document::text FROM knowledge_base WHERE id = 1", connection, transaction);
        return await read.ExecuteScalarAsync(cancellationToken) is string json
            ? JsonSerializer.Deserialize<KnowledgeBase>(json, Json) ?? KnowledgeBase.Empty
            : KnowledgeBase.Empty;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (_schemaReady)
        {
            return connection;
        }

        try
        {
            await EnsureSchemaAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var create = new NpgsqlCommand("""
                    CREATE TABLE IF NOT EXISTS knowledge_base (id integer PRIMARY KEY CHECK (id = 1), document jsonb NOT NULL, updated_at timestamptz NOT NULL)
                    """, connection);
                try
                {
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
                {
                    // Another host created it at the same moment.
                }

                _schemaReady = true;
            }
        }
        finally
        {
            _schema.Release();
        }
    }

    /// <summary>jsonb cannot hold a NUL character (which means nothing in KB text): strings are written without it.</summary>
    private sealed class WithoutNulConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Replace("\0", "", StringComparison.Ordinal));
    }
}
