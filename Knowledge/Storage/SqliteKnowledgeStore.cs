using System.Text.Json;
using Assistant.Knowledge.Model;
using Microsoft.Data.Sqlite;

namespace Assistant.Knowledge.Storage;

/// <summary>The KB in a SQLite file: one row per life situation, article and synonym group; lists as JSON columns.</summary>
public sealed class SqliteKnowledgeStore : IKnowledgeStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _schemaReady;

    public SqliteKnowledgeStore(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM articles";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 0;
    }

    public async Task<KnowledgeBase> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var situations = new List<LifeSituation>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, title FROM life_situations ORDER BY position";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                situations.Add(new LifeSituation(reader.GetString(0), reader.GetString(1)));
            }
        }

        var articles = new List<Article>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {ArticleColumns} FROM articles ORDER BY position
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                articles.Add(ReadArticle(reader));
            }
        }

        var synonyms = new List<IReadOnlyList<string>>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT members FROM synonyms ORDER BY position";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                synonyms.Add(Json<List<string>>(reader.GetString(0)));
            }
        }

        return new KnowledgeBase { LifeSituations = situations, Articles = articles, Synonyms = synonyms };
    }

    public async Task ReplaceAsync(KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var previous = (await LoadAsync(cancellationToken)).Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM life_situations; DELETE FROM articles; DELETE FROM synonyms;", cancellationToken);
        for (var i = 0; i < kb.LifeSituations.Count; i++)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO life_situations (id, title, position) VALUES ($id, $title, $position)", cancellationToken,
                ("$id", kb.LifeSituations[i].Id), ("$title", kb.LifeSituations[i].Title), ("$position", i));
        }

        for (var i = 0; i < kb.Articles.Count; i++)
        {
            var article = ArticleVersions.Next(kb.Articles[i], previous.GetValueOrDefault(kb.Articles[i].Id), now);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO articles (id, life_situation, segments, title, questions, answer, sources, handoff_group, status, version, updated_at, position)
                VALUES ($id, $ls, $segments, $title, $questions, $answer, $sources, $handoff, $status, $version, $updated, $position)
                """, cancellationToken,
                ("$id", article.Id), ("$ls", article.LifeSituation), ("$segments", JsonSerializer.Serialize(article.Segments)),
                ("$title", article.Title), ("$questions", JsonSerializer.Serialize(article.Questions)), ("$answer", article.Answer),
                ("$sources", JsonSerializer.Serialize(article.Sources.Select(s => new SourceRow(s.Title, s.Url, s.Date)))),
                ("$handoff", article.HandoffGroup), ("$status", article.Status == ArticleStatus.Draft ? "draft" : "published"),
                ("$version", article.Version), ("$updated", article.UpdatedAt.ToString("O")), ("$position", i));
        }

        for (var i = 0; i < kb.Synonyms.Count; i++)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO synonyms (position, members) VALUES ($position, $members)", cancellationToken,
                ("$position", i), ("$members", JsonSerializer.Serialize(kb.Synonyms[i])));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The check and the write are not one transaction: the embedded store belongs to one host.</summary>
    public async Task<bool> ReplaceIfEmptyAsync(KnowledgeBase kb, CancellationToken cancellationToken)
    {
        if (!await IsEmptyAsync(cancellationToken))
        {
            return false;
        }

        await ReplaceAsync(kb, cancellationToken);
        return true;
    }

    public async Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken) =>
        await AddQuestionsAsync(articleId, [question], cancellationToken) is not null;

    public async Task<Article?> AddQuestionsAsync(string articleId, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT {ArticleColumns} FROM articles WHERE id = $id";
        select.Parameters.AddWithValue("$id", articleId);
        Article? article = null;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                article = ReadArticle(reader);
            }
        }

        if (article is null)
        {
            return null;
        }

        // However many questions, one change: one new version.
        var changed = article with { Questions = [.. article.Questions, .. questions], Version = article.Version + 1, UpdatedAt = DateTimeOffset.UtcNow };
        await ExecuteAsync(connection, transaction, "UPDATE articles SET questions = $q, version = $v, updated_at = $u WHERE id = $id", cancellationToken,
            ("$q", JsonSerializer.Serialize(changed.Questions)), ("$v", changed.Version), ("$u", changed.UpdatedAt.ToString("O")), ("$id", articleId));
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private const string ArticleColumns = "id, life_situation, segments, title, questions, answer, sources, handoff_group, status, version, updated_at";

    private static Article ReadArticle(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        LifeSituation = reader.GetString(1),
        Segments = Json<List<string>>(reader.GetString(2)),
        Title = reader.GetString(3),
        Questions = Json<List<string>>(reader.GetString(4)),
        Answer = reader.GetString(5),
        Sources = Json<List<SourceRow>>(reader.GetString(6)).Select(s => new ArticleSource(s.Title, s.Url, s.Date)).ToList(),
        HandoffGroup = reader.IsDBNull(7) ? null : reader.GetString(7),
        Status = reader.GetString(8) == "draft" ? ArticleStatus.Draft : ArticleStatus.Published,
        Version = reader.GetInt32(9),
        UpdatedAt = DateTimeOffset.Parse(reader.GetString(10), System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_schemaReady)
        {
            await _schema.WaitAsync(cancellationToken);
            try
            {
                if (!_schemaReady)
                {
                    await ExecuteAsync(connection, null, """
                        PRAGMA journal_mode = WAL;
                        CREATE TABLE IF NOT EXISTS life_situations (id TEXT PRIMARY KEY, title TEXT NOT NULL, position INTEGER NOT NULL);
                        CREATE TABLE IF NOT EXISTS articles (
                            id TEXT PRIMARY KEY, life_situation TEXT NOT NULL, segments TEXT NOT NULL, title TEXT NOT NULL,
                            questions TEXT NOT NULL, answer TEXT NOT NULL, sources TEXT NOT NULL, handoff_group TEXT,
                            status TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, position INTEGER NOT NULL);
                        CREATE TABLE IF NOT EXISTS synonyms (position INTEGER PRIMARY KEY, members TEXT NOT NULL);
                        """, cancellationToken);
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

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static T Json<T>(string json) => JsonSerializer.Deserialize<T>(json)!;

    private sealed record SourceRow(string Title, string Url, DateOnly? Date = null);
}
