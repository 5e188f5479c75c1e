using Npgsql;

namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>
/// The durable records in PostgreSQL (ConnectionStrings:Postgres): the connection pool and the schema, created on first use.
/// Every host of a scaled-out deployment writes here, so transcripts and request numbers are shared.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS transcript (
            conversation_id text NOT NULL, sequence bigint NOT NULL, author text NOT NULL, kind text, text text NOT NULL,
            buttons jsonb NOT NULL, source_url text, operator_id text, at timestamptz NOT NULL, article_id text, PRIMARY KEY (conversation_id, sequence));
        CREATE INDEX IF NOT EXISTS transcript_by_time ON transcript (at);
        CREATE TABLE IF NOT EXISTS processed_messages (
            channel text NOT NULL, message_id text NOT NULL, processed_at timestamptz NOT NULL, PRIMARY KEY (channel, message_id));
        CREATE INDEX IF NOT EXISTS processed_messages_by_time ON processed_messages (processed_at);
        CREATE TABLE IF NOT EXISTS received_messages (
            channel text NOT NULL, id text NOT NULL, payload text NOT NULL, owner text NOT NULL, lease_until timestamptz NOT NULL,
            received_at timestamptz NOT NULL, PRIMARY KEY (channel, id));
        CREATE INDEX IF NOT EXISTS received_messages_by_lease ON received_messages (channel, lease_until);
        CREATE INDEX IF NOT EXISTS received_messages_by_owner ON received_messages (owner);
        CREATE INDEX IF NOT EXISTS received_messages_by_age ON received_messages (received_at);
        CREATE TABLE IF NOT EXISTS stream_positions (stream text PRIMARY KEY, position text NOT NULL);
        CREATE SEQUENCE IF NOT EXISTS written_request_numbers;
        CREATE TABLE IF NOT EXISTS written_requests (
            number text PRIMARY KEY, conversation_id text NOT NULL, channel text NOT NULL, text text NOT NULL, contact text NOT NULL,
            life_situation text, article_ids jsonb NOT NULL, created_at timestamptz NOT NULL, due_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS written_request_work (number text PRIMARY KEY, work text NOT NULL);
        CREATE TABLE IF NOT EXISTS unanswered (
            id bigserial PRIMARY KEY, at timestamptz NOT NULL, status text NOT NULL, resolved_article text, data text NOT NULL);
        CREATE INDEX IF NOT EXISTS unanswered_by_status ON unanswered (status, id);
        CREATE INDEX IF NOT EXISTS unanswered_by_time ON unanswered (at);
        CREATE TABLE IF NOT EXISTS daily_stats (
            day date NOT NULL, channel text NOT NULL, segment text NOT NULL, metric text NOT NULL, key text NOT NULL, value bigint NOT NULL,
            PRIMARY KEY (day, channel, segment, metric, key));
        CREATE TABLE IF NOT EXISTS monthly_stats (
            month date NOT NULL, channel text NOT NULL, segment text NOT NULL, metric text NOT NULL, key text NOT NULL, value bigint NOT NULL,
            PRIMARY KEY (month, channel, segment, metric, key));
        CREATE TABLE IF NOT EXISTS client_records (channel text NOT NULL, user_id text NOT NULL, data text NOT NULL, PRIMARY KEY (channel, user_id));
        CREATE TABLE IF NOT EXISTS conversation_people (
            conversation_id text PRIMARY KEY, channel text NOT NULL, user_id text NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS conversation_people_by_person ON conversation_people (channel, user_id);
        CREATE TABLE IF NOT EXISTS ratings (
            conversation_id text PRIMARY KEY, channel text NOT NULL, life_situation text, article_ids jsonb NOT NULL, operator_id text,
            score integer NOT NULL, comment text, rated_at timestamptz NOT NULL);
        -- Columns added after the first release; a database made before them gets them here.
        ALTER TABLE transcript ADD COLUMN IF NOT EXISTS article_id text;
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresDatabase(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            // PostgreSQL text cannot hold a NUL character; an operator's reply may still carry one.
            command.Parameters.AddWithValue(name, value is string text ? text.Replace("\0", "", StringComparison.Ordinal) : value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>A JSON parameter (jsonb column) from a value.</summary>
    internal static NpgsqlParameter Json<T>(string name, T value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Jsonb) { Value = Sqlite.DialogDatabase.ToJson(value) };

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                // Two hosts starting at once may both run this: the lock makes the second wait and find everything there.
                await using var command = Command(connection, "SELECT pg_advisory_xact_lock(7106); " + Schema);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                command.Transaction = transaction;
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schema.Release();
        }
    }
}
