using Assistant.Dialogs.Throttling;

namespace Assistant.Dialogs.Tests.Throttling;

/// <summary>What every rate limiter must do, in process or shared through Redis.</summary>
public abstract class RateLimiterContract
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A limiter with these settings; two calls with the same settings must share their budgets (two hosts).</summary>
    protected abstract IRateLimiter Create(RateLimitOptions options);

    private static string NewPerson() => "web:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_burst_is_allowed_then_the_first_refusal_is_told_and_the_rest_are_quiet()
    {
        var limiter = Create(new RateLimitOptions { BurstSize = 2, MessagesPerMinute = 60 });
        var (a, b) = (NewPerson(), NewPerson());
        Assert.Equal(ThrottleDecision.Allowed, await limiter.TryTakeAsync(a, Now, default));
        Assert.Equal(ThrottleDecision.Allowed, await limiter.TryTakeAsync(a, Now, default));
        Assert.Equal(ThrottleDecision.ThrottledFirst, await limiter.TryTakeAsync(a, Now, default));
        Assert.Equal(ThrottleDecision.Throttled, await limiter.TryTakeAsync(a, Now, default));
        Assert.Equal(ThrottleDecision.Allowed, await limiter.TryTakeAsync(b, Now, default));

        Assert.Equal(ThrottleDecision.Allowed, await limiter.TryTakeAsync(a, Now.AddSeconds(1), default));
        Assert.Equal(ThrottleDecision.ThrottledFirst, await limiter.TryTakeAsync(a, Now.AddSeconds(1), default));
    }

    [Fact]
    public async Task The_bucket_refills_at_the_configured_rate_up_to_the_burst()
    {
        var limiter = Create(new RateLimitOptions { BurstSize = 3, MessagesPerMinute = 6 });
        var a = NewPerson();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ThrottleDecision.Allowed, await limiter.TryTakeAsync(a, Now, default));
        }

        Assert.NotEqual(ThrottleDecision.Allowed, await limiter.TryTakeAsync(a, Now.AddSeconds(9), default));
        Assert.Equal(ThrottleDecision.Allowed, await limiter.TryTakeAsync(a, Now.AddSeconds(10), default));

        var later = Now.AddHours(1);
        var allowed = 0;
        for (var i = 0; i < 10; i++)
        {
            allowed += await limiter.TryTakeAsync(a, later, default) == ThrottleDecision.Allowed ? 1 : 0;
        }

        Assert.Equal(3, allowed);
    }

    [Fact]
    public async Task Concurrent_messages_never_take_more_than_the_budget()
    {
        var limiter = Create(new RateLimitOptions { BurstSize = 5, MessagesPerMinute = 1 });
        var a = NewPerson();
        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => limiter.TryTakeAsync(a, Now, default))));

        Assert.Equal(5, decisions.Count(d => d == ThrottleDecision.Allowed));
        Assert.Equal(1, decisions.Count(d => d == ThrottleDecision.ThrottledFirst));
    }
}

public sealed class TokenBucketLimiterTests : RateLimiterContract
{
    protected override IRateLimiter Create(RateLimitOptions options) => new TokenBucketLimiter(options);
}
