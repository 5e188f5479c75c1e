using Assistant.Tests.Servers;
using Assistant.Dialogs.Tests.Throttling;
using Assistant.Dialogs.Throttling;
using StackExchange.Redis;

namespace Assistant.Dialogs.Tests.Redis;

public sealed class RedisRateLimiterTests : RateLimiterContract, IClassFixture<RedisServer>, IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly ConnectionMultiplexer _connection;

    public RedisRateLimiterTests(RedisServer server) => _connection = ConnectionMultiplexer.Connect(server.Configuration);

    protected override IRateLimiter Create(RateLimitOptions options) => new RedisRateLimiter(_connection, options, "limits:");

    [Fact]
    public async Task Two_hosts_share_one_budget_per_person()
    {
        var options = new RateLimitOptions { BurstSize = 4, MessagesPerMinute = 1 };
        var (first, second) = (Create(options), Create(options));
        var person = "vk:" + Guid.NewGuid().ToString("N");

        var allowed = 0;
        for (var i = 0; i < 6; i++)
        {
            allowed += await (i % 2 == 0 ? first : second).TryTakeAsync(person, Now, default) == ThrottleDecision.Allowed ? 1 : 0;
        }

        Assert.Equal(4, allowed);
    }

    [Fact]
    public async Task An_idle_budget_does_not_stay_in_redis_forever()
    {
        var person = "web:" + Guid.NewGuid().ToString("N");
        await Create(new RateLimitOptions { BurstSize = 10, MessagesPerMinute = 30 }).TryTakeAsync(person, Now, default);

        var ttl = await _connection.GetDatabase().KeyTimeToLiveAsync("limits:rate:" + person);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
    }

    public void Dispose() => _connection.Dispose();
}
