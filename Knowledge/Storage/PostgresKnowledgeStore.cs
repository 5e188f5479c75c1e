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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly NpgsqlDataSource _dataSource;

    // Tells this host's own changes apart from the others' in the notifications.
    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresKnowledgeStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).Articles.Count == 0;

    public async Task<KnowledgeBase> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, cancellationToken);
    }

    public async Task ReplaceAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        await ChangeAsync(previous =>
        {
            var before = previous.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
            var now = DateTimeOffset.UtcNow;
            return kb with { Articles = [.. kb.Articles.Select(a => ArticleVersions.Next(a, before.GetValueOrDefault(a.Id), now))] };
        }, cancellationToken);

    public async Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken) =>
        await ChangeAsync(previous =>
        {
            if (!previous.Articles.Any(a => a.Id == articleId))
            {
                return null;
            }

            return previous with
            {
                Articles = [.. previous.Articles.Select(a => a.Id != articleId ? a
                    : a with { Questions = [.. a.Questions, question], Version = a.Version + 1, UpdatedAt = DateTimeOffset.UtcNow })],
            };
        }, cancellationToken);

    /// <summary>
    /// Until cancelled, calls <paramref name="changedElsewhere"/> after another host changed the KB, and once after a lost
    /// connection comes back (a change may have been missed meanwhile).
    /// </summary>
    public async Task ListenAsync(Func<CancellationToken, Task> changedElsewhere, CancellationToken cancellationToken)
    {
        var reconnected = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await OpenAsync(cancellationToken);
                var changed = false;
                connection.Notification += (_, e) => changed |= e.Payload != _origin;
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                if (reconnected)
                {
                    await changedElsewhere(cancellationToken);
                }

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
                reconnected = true;
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

        return connection;
    }
}
