using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>The dialogs SQLite file (dialogs.db): connections, the schema (created on first use) and value conversions.</summary>
public sealed class DialogDatabase
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, state TEXT NOT NULL, handoff_group TEXT,
            version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_activity_at TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS conversations_by_key ON conversations (channel, user_id);
        CREATE INDEX IF NOT EXISTS conversations_by_state ON conversations (state);
        CREATE TABLE IF NOT EXISTS transcript (
            conversation_id TEXT NOT NULL, sequence INTEGER NOT NULL, author TEXT NOT NULL, kind TEXT, text TEXT NOT NULL,
            buttons TEXT NOT NULL, source_url TEXT, operator_id TEXT, at TEXT NOT NULL, article_id TEXT, PRIMARY KEY (conversation_id, sequence));
        CREATE INDEX IF NOT EXISTS transcript_by_time ON transcript (at);
        CREATE TABLE IF NOT EXISTS processed_messages (
            channel TEXT NOT NULL, message_id TEXT NOT NULL, processed_at TEXT NOT NULL, PRIMARY KEY (channel, message_id));
        CREATE TABLE IF NOT EXISTS received_messages (
            channel TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL, owner TEXT NOT NULL, lease_until INTEGER NOT NULL,
            received_at INTEGER NOT NULL, PRIMARY KEY (channel, id));
        CREATE INDEX IF NOT EXISTS received_messages_by_lease ON received_messages (channel, lease_until);
        CREATE INDEX IF NOT EXISTS received_messages_by_owner ON received_messages (owner);
        CREATE INDEX IF NOT EXISTS received_messages_by_age ON received_messages (received_at);
        CREATE TABLE IF NOT EXISTS stream_positions (stream TEXT PRIMARY KEY, position TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS written_requests (
            number TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, channel TEXT NOT NULL, text TEXT NOT NULL, contact TEXT NOT NULL,
            life_situation TEXT, article_ids TEXT NOT NULL, created_at TEXT NOT NULL, due_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS written_request_work (number TEXT PRIMARY KEY, work TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS unanswered (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, status TEXT NOT NULL, resolved_article TEXT, data TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS unanswered_by_status ON unanswered (status, id);
        CREATE INDEX IF NOT EXISTS unanswered_by_time ON unanswered (at);
        CREATE TABLE IF NOT EXISTS daily_stats (
            day TEXT NOT NULL, channel TEXT NOT NULL, segment TEXT NOT NULL, metric TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
            PRIMARY KEY (day, channel, segment, metric, key));
        CREATE TABLE IF NOT EXISTS monthly_stats (
            month TEXT NOT NULL, channel TEXT NOT NULL, segment TEXT NOT NULL, metric TEXT NOT NULL, key TEXT NOT NULL, value INTEGER NOT NULL,
            PRIMARY KEY (month, channel, segment, metric, key));
        CREATE TABLE IF NOT EXISTS client_records (channel TEXT NOT NULL, user_id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (channel, user_id));
        CREATE TABLE IF NOT EXISTS conversation_people (
            conversation_id TEXT PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS conversation_people_by_person ON conversation_people (channel, user_id);
        CREATE TABLE IF NOT EXISTS ratings (
            conversation_id TEXT PRIMARY KEY, channel TEXT NOT NULL, life_situation TEXT, article_ids TEXT NOT NULL, operator_id TEXT,
            score INTEGER NOT NULL, comment TEXT, rated_at TEXT NOT NULL);
        """;

    private readonly string _connectionString;

    // One writer at a time inside the process: SQLite allows one anyway, and a writer that finds the file busy sleeps in
    // steps of milliseconds, which under load costs far more than waiting here in turn.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _schemaReady;

    // Native connections (kept alive by the pool) already switched to synchronous = NORMAL; a closed one drops out with its handle.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, SQLitePCL.sqlite3> _synchronousSet = new();

    public DialogDatabase(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
    }

    /// <summary>Columns added after the first release: SQLite has no ADD COLUMN IF NOT EXISTS, so a file made before them is asked.</summary>
    private static async Task AddLaterColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, column, type) in new[] { ("transcript", "article_id", "TEXT") })
        {
            await using var exists = Command(connection, $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column", ("$column", column));
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                await using var add = Command(connection, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
                await add.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>A connection for reading (writers use <see cref="OpenForWriteAsync"/>).</summary>
    internal Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenAsync(forWriting: false, cancellationToken);

    private async Task<SqliteConnection> OpenAsync(bool forWriting, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);

        // In WAL mode NORMAL still never corrupts the file; it only lets the last commits before a power cut be lost, and a commit
        // no longer waits for fsync (which made every turn wait for the disk). The setting belongs to the native connection, which
        // the pool keeps open between uses, and matters only to commits: it is made once per native connection used for writing.
        if (forWriting && !_synchronousSet.TryGetValue(connection.Handle!, out _))
        {
            await using var pragma = Command(connection, "PRAGMA synchronous = NORMAL;");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            _synchronousSet.AddOrUpdate(connection.Handle!, connection.Handle!);
        }

        if (!_schemaReady)
        {
            await _schema.WaitAsync(cancellationToken);
            try
            {
                if (!_schemaReady)
                {
                    await using var command = Command(connection, Schema);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    await AddLaterColumnsAsync(connection, cancellationToken);
                    _schemaReady = true;
                }
            }
            finally
            {
                _schema.Release();
            }
        }

        return connection;
    }

    /// <summary>A connection for writing, held alone among this process's writers until disposed.</summary>
    internal async Task<WriteConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            return new WriteConnection(await OpenAsync(forWriting: true, cancellationToken), _writer);
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    internal sealed class WriteConnection(SqliteConnection connection, SemaphoreSlim writer) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            writer.Release();
        }
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    internal static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    internal static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    internal static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException("A dialogs.db row holds empty JSON.");
}
