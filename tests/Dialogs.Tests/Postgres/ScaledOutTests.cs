using Assistant.Tests.Servers;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Postgres;
using Assistant.Dialogs.Tests.TestSupport;
using StackExchange.Redis;

namespace Assistant.Dialogs.Tests.Postgres;

/// <summary>
/// Two hosts on two machines: nothing local is shared (each has its own dialogs.db), state is in Redis and the durable records
/// are in PostgreSQL. A whole conversation moves between them and its records are the same from either.
/// </summary>
public sealed class ScaledOutTests(RedisServer redisServer, PostgresServer postgresServer)
    : IClassFixture<RedisServer>, IClassFixture<PostgresServer>, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private RedisHost Host(string name, IConnectionMultiplexer redis, PostgresDatabase durable, Assistant.Knowledge.Retrieval.IKnowledgeSearch knowledge) =>
        RedisHost.Create(redis, knowledge, DialogStores.Sqlite(_directory.File($"{name}/dialogs.db")).WithDurableRecordsIn(durable));

    [Fact]
    public async Task A_conversation_handed_over_answered_closed_and_rated_across_two_machines_has_one_record()
    {
        var knowledge = await SharedKnowledge.GetAsync();
        var postgres = await postgresServer.CreateDatabaseAsync();
        await using var durableA = new PostgresDatabase(postgres);
        await using var durableB = new PostgresDatabase(postgres);
        await using var redisA = await redisServer.ConnectAsync();
        await using var redisB = await redisServer.ConnectAsync();
        var a = Host("a", redisA, durableA, knowledge);
        var b = Host("b", redisB, durableB, knowledge);
        var user = Guid.NewGuid().ToString("N");
        Activity From(string id, ActivityType type) => new() { Channel = "web", UserId = user, Type = type, MessageId = id, Timestamp = DateTimeOffset.UtcNow };

        var asked = await a.Engine.ProcessAsync(From("1", ActivityType.Message) with { Text = "как получить полис омс" }, CancellationToken.None);
        await b.Engine.ProcessAsync(From("2", ActivityType.Button) with { Payload = ButtonPayloads.Operator }, CancellationToken.None);
        var id = asked.ConversationId!;
        Assert.True((await a.Desk.AcceptAsync(id, "op-1", CancellationToken.None)).Succeeded);
        Assert.True((await b.Desk.ReplyAsync(id, "op-1", "Полис оформляют в страховой компании.", CancellationToken.None)).Succeeded);
        Assert.True((await a.Desk.CloseAsync(id, "op-1", CancellationToken.None)).Succeeded);
        var rated = await b.Engine.ProcessAsync(From("3", ActivityType.Rating) with { Rating = 5 }, CancellationToken.None);

        Assert.Equal(TurnOutcome.Processed, rated.Outcome);
        var rating = await a.Stores.Ratings.GetAsync(id, CancellationToken.None);
        Assert.Equal(5, rating?.Score);
        Assert.Equal("op-1", rating?.OperatorId);
        var fromA = await a.Stores.Transcripts.ReadAsync(id, 0, CancellationToken.None);
        var fromB = await b.Stores.Transcripts.ReadAsync(id, 0, CancellationToken.None);
        Assert.Equal(fromA.Select(e => (e.Sequence, e.Text)), fromB.Select(e => (e.Sequence, e.Text)));
        Assert.Contains(fromA, e => e.From == Authors.Operator && e.Text == "Полис оформляют в страховой компании.");
        Assert.Equal(fromA.Select(e => e.Sequence).Order(), fromA.Select(e => e.Sequence));
    }
}
