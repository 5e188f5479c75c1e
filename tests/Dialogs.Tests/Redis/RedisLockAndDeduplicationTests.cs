using Assistant.Tests.Servers;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Stores.Redis;
using StackExchange.Redis;

namespace Assistant.Dialogs.Tests.Redis;

public sealed class RedisLockAndDeduplicationTests(RedisServer server) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Two_hosts_never_hold_the_lock_of_one_person_at_once()
    {
        await using var a = await server.ConnectAsync();
        await using var b = await server.ConnectAsync();
        var locks = new IConversationLock[] { new RedisConversationLock(a, TimeSpan.FromSeconds(10)), new RedisConversationLock(b, TimeSpan.FromSeconds(10)) };
        var key = new ConversationKey("web", Guid.NewGuid().ToString("N"));
        var inside = 0;
        var maxInside = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var lease = await locks[i % 2].AcquireAsync(key, CancellationToken.None);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        }));

        Assert.Equal(1, maxInside);
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_host_expires()
    {
        await using var connection = await server.ConnectAsync();
        var key = new ConversationKey("web", Guid.NewGuid().ToString("N"));
        var dying = new RedisConversationLock(connection, TimeSpan.FromMilliseconds(200));
        _ = await dying.AcquireAsync(key, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var lease = await new RedisConversationLock(connection, TimeSpan.FromSeconds(10)).AcquireAsync(key, timeout.Token);

        Assert.NotNull(lease);
    }

    [Fact]
    public async Task A_message_id_is_processed_once_across_hosts_and_can_be_forgotten_after_a_failed_turn()
    {
        await using var a = await server.ConnectAsync();
        await using var b = await server.ConnectAsync();
        var first = new RedisProcessedMessageStore(a, TimeSpan.FromHours(1));
        var second = new RedisProcessedMessageStore(b, TimeSpan.FromHours(1));
        var id = Guid.NewGuid().ToString("N");

        Assert.True(await first.TryMarkAsync("telegram", id, CancellationToken.None));
        Assert.False(await second.TryMarkAsync("telegram", id, CancellationToken.None));
        await first.ForgetAsync("telegram", id, CancellationToken.None);
        Assert.True(await second.TryMarkAsync("telegram", id, CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
