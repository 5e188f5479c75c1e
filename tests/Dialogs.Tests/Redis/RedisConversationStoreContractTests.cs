using Assistant.Tests.Servers;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Redis;
using Assistant.Dialogs.Tests.Stores;
using StackExchange.Redis;

namespace Assistant.Dialogs.Tests.Redis;

public sealed class RedisConversationStoreContractTests : ConversationStoreContract, IClassFixture<RedisServer>, IDisposable
{
    private readonly ConnectionMultiplexer _connection;

    public RedisConversationStoreContractTests(RedisServer server)
    {
        _connection = ConnectionMultiplexer.Connect(server.Configuration);
        Store = new RedisConversationStore(_connection, "contract:");
    }

    protected override IConversationStore Store { get; }

    [Fact]
    public async Task Conversations_queued_before_group_queues_existed_join_their_queue()
    {
        var key = new ConversationKey("web", Guid.NewGuid().ToString("N"));
        var group = "g" + Guid.NewGuid().ToString("N")[..8];
        var created = await Store.GetOrCreateAsync(key, () => Conversation.Start(key, DateTimeOffset.UtcNow), CancellationToken.None);
        var waiting = created with { Version = 2, State = ConversationState.WaitingForOperator, HandoffGroup = group, QueuedAt = DateTimeOffset.UtcNow };
        Assert.True(await Store.SaveAsync(waiting, 1, CancellationToken.None));

        // As an older version left it: no queue field in the record, no queue of the group.
        var db = _connection.GetDatabase();
        await db.HashDeleteAsync("contract:conv:" + created.Id, "queue");
        await db.KeyDeleteAsync("contract:queue:" + group);
        var upgraded = new RedisConversationStore(_connection, "contract:");

        Assert.Equal(1, await upgraded.CountQueueAsync(group, CancellationToken.None));
        Assert.Equal([created.Id], (await upgraded.ListQueueAsync(group, CancellationToken.None)).Select(c => c.Id));
    }

    public void Dispose() => _connection.Dispose();
}
