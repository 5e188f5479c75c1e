using Assistant.Tests.Servers;
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

    public void Dispose() => _connection.Dispose();
}
