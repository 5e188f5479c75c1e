using Assistant.Tests.Servers;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Postgres;
using Assistant.Dialogs.Tests.Stores;
using Assistant.Dialogs.Tests.TestSupport;

namespace Assistant.Dialogs.Tests.Postgres;

/// <summary>The durable records in a real PostgreSQL server, each test on a database of its own.</summary>
public sealed class PostgresStoreTests(PostgresServer server) : DurableStoreContract, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private PostgresDatabase? _database;
    private DialogStores? _stores;

    protected override DialogStores Stores => _stores ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        _database = new PostgresDatabase(await server.CreateDatabaseAsync());
        _stores = DialogStores.Sqlite(_directory.File("dialogs.db")).WithDurableRecordsIn(_database);
    }

    [Fact]
    public async Task Two_hosts_share_request_numbers_and_see_each_others_records()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var first = new PostgresDatabase(connection);
        await using var second = new PostgresDatabase(connection);
        var a = DialogStores.Sqlite(_directory.File("a.db")).WithDurableRecordsIn(first);
        var b = DialogStores.Sqlite(_directory.File("b.db")).WithDurableRecordsIn(second);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).Requests.NextNumberAsync(CancellationToken.None)));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), numbers.Order());

        await a.Transcripts.AppendAsync(new TranscriptEntry { ConversationId = "c", From = Activities.Authors.Citizen, Text = "с первого", Timestamp = DateTimeOffset.UtcNow }, CancellationToken.None);
        await b.Transcripts.AppendAsync(new TranscriptEntry { ConversationId = "c", From = Activities.Authors.Bot, Text = "со второго", Timestamp = DateTimeOffset.UtcNow }, CancellationToken.None);
        Assert.Equal(["с первого", "со второго"], (await a.Transcripts.ReadAsync("c", 0, CancellationToken.None)).Select(e => e.Text));

        Assert.True(await a.ProcessedMessages.TryMarkAsync("vk", "42", CancellationToken.None));
        Assert.False(await b.ProcessedMessages.TryMarkAsync("vk", "42", CancellationToken.None));
    }

    [Fact]
    public async Task A_NUL_character_that_PostgreSQL_cannot_hold_is_dropped_and_the_rest_is_stored()
    {
        var entry = new TranscriptEntry { ConversationId = "nul", From = Activities.Authors.Operator, Text = "до\0после", Timestamp = DateTimeOffset.UtcNow };

        await Stores.Transcripts.AppendAsync(entry, CancellationToken.None);

        Assert.Equal("допосле", Assert.Single(await Stores.Transcripts.ReadAsync("nul", 0, CancellationToken.None)).Text);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        _directory.Dispose();
    }
}
