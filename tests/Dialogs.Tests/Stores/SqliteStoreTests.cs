using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Stores;

/// <summary>The SQLite stores in one dialogs.db file.</summary>
public sealed class SqliteStoreTests : DurableStoreContract, IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Key = new("web", "u1");

    private readonly TempDirectory _directory = new();
    private readonly DialogStores _stores;

    public SqliteStoreTests() => _stores = DialogStores.Sqlite(_directory.File("data/dialogs.db"));

    protected override DialogStores Stores => _stores;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_dialogs_db_from_before_the_article_column_gets_it_and_keeps_its_transcripts()
    {
        var path = _directory.File("old/dialogs.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE transcript (
                    conversation_id TEXT NOT NULL, sequence INTEGER NOT NULL, author TEXT NOT NULL, kind TEXT, text TEXT NOT NULL,
                    buttons TEXT NOT NULL, source_url TEXT, operator_id TEXT, at TEXT NOT NULL, PRIMARY KEY (conversation_id, sequence));
                INSERT INTO transcript VALUES ('c1', 1, 'citizen', NULL, 'как получить полис', '[]', NULL, NULL, '2025-03-04T10:00:00.0000000+00:00');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var stores = DialogStores.Sqlite(path);
        await stores.Transcripts.AppendAsync(new TranscriptEntry
        {
            ConversationId = "c1", From = Authors.Operator, Kind = MessageKind.OperatorMessage, Text = "Полис оформляет страховая.",
            OperatorId = "anna", ArticleId = "oms-get-policy", Timestamp = Now,
        }, CancellationToken.None);

        var read = await stores.Transcripts.ReadAsync("c1", 0, CancellationToken.None);
        Assert.Equal(["как получить полис", "Полис оформляет страховая."], read.Select(e => e.Text));
        Assert.Equal([null, "oms-get-policy"], read.Select(e => e.ArticleId));
    }

    [Fact]
    public async Task A_conversation_is_created_once_per_key_and_saved_only_from_the_version_read()
    {
        var created = await _stores.Conversations.GetOrCreateAsync(Key, () => Conversation.Start(Key, Now), CancellationToken.None);
        var again = await _stores.Conversations.GetOrCreateAsync(Key, () => Conversation.Start(Key, Now.AddMinutes(1)), CancellationToken.None);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(1, created.Version);

        var updated = created with { Version = 2, State = ConversationState.WaitingForOperator, HandoffGroup = "oms", ShownArticleIds = ["a", "b"] };
        Assert.True(await _stores.Conversations.SaveAsync(updated, 1, CancellationToken.None));
        Assert.False(await _stores.Conversations.SaveAsync(created with { Version = 2 }, 1, CancellationToken.None));
        Assert.False(await _stores.Conversations.SaveAsync(created, 0, CancellationToken.None));

        var read = await _stores.Conversations.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal(updated, read! with { ShownArticleIds = updated.ShownArticleIds, Flags = updated.Flags, ClarifyArticleIds = updated.ClarifyArticleIds });
        Assert.Empty(read.Flags);
        Assert.Equal(["a", "b"], read.ShownArticleIds);
        Assert.Equal(created.Id, Assert.Single(await _stores.Conversations.ListByStateAsync(ConversationState.WaitingForOperator, CancellationToken.None)).Id);
        Assert.Empty(await _stores.Conversations.ListByStateAsync(ConversationState.New, CancellationToken.None));
    }

    [Fact]
    public async Task The_latest_conversation_of_a_key_is_its_current_one()
    {
        var first = await _stores.Conversations.GetOrCreateAsync(Key, () => Conversation.Start(Key, Now), CancellationToken.None);
        var next = Conversation.Start(Key, Now) with { Version = 1 };
        Assert.True(await _stores.Conversations.SaveAsync(next, 0, CancellationToken.None));
        Assert.Equal(next.Id, (await _stores.Conversations.GetAsync(Key, CancellationToken.None))?.Id);
        Assert.NotNull(await _stores.Conversations.GetAsync(first.Id, CancellationToken.None));
        Assert.Null(await _stores.Conversations.GetAsync(new ConversationKey("telegram", "u1"), CancellationToken.None));
    }

}

/// <summary>How dialogs.db's connections are set up.</summary>
public sealed class DialogDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_connection_a_writer_gets_commits_without_waiting_for_the_disk_also_when_the_pool_hands_it_out_again()
    {
        var database = new Assistant.Dialogs.Stores.Sqlite.DialogDatabase(_directory.File("dialogs.db"));
        for (var i = 0; i < 3; i++)
        {
            await using var writer = await database.OpenForWriteAsync(CancellationToken.None);
            await using var command = Assistant.Dialogs.Stores.Sqlite.DialogDatabase.Command(writer.Connection, "PRAGMA synchronous;");
            Assert.Equal(1L, await command.ExecuteScalarAsync()); // 1 = NORMAL (the default is 2, FULL)
        }

        await using var reader = await database.OpenAsync(CancellationToken.None);
        await using var journal = Assistant.Dialogs.Stores.Sqlite.DialogDatabase.Command(reader, "PRAGMA journal_mode;");
        Assert.Equal("wal", await journal.ExecuteScalarAsync());
    }
}
