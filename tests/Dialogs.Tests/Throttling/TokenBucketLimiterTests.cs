using Assistant.Dialogs.Throttling;

namespace Assistant.Dialogs.Tests.Throttling;

public sealed class TokenBucketLimiterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_burst_is_allowed_then_the_first_refusal_is_told_and_the_rest_are_quiet()
    {
        var limiter = new TokenBucketLimiter(new RateLimitOptions { BurstSize = 2, MessagesPerMinute = 60 });
        Assert.Equal(ThrottleDecision.Allowed, limiter.TryTake("a", Now));
        Assert.Equal(ThrottleDecision.Allowed, limiter.TryTake("a", Now));
        Assert.Equal(ThrottleDecision.ThrottledFirst, limiter.TryTake("a", Now));
        Assert.Equal(ThrottleDecision.Throttled, limiter.TryTake("a", Now));
        Assert.Equal(ThrottleDecision.Allowed, limiter.TryTake("b", Now));

        Assert.Equal(ThrottleDecision.Allowed, limiter.TryTake("a", Now.AddSeconds(1)));
        Assert.Equal(ThrottleDecision.ThrottledFirst, limiter.TryTake("a", Now.AddSeconds(1)));
    }

    [Fact]
    public void The_bucket_refills_at_the_configured_rate_up_to_the_burst()
    {
        var limiter = new TokenBucketLimiter(new RateLimitOptions { BurstSize = 3, MessagesPerMinute = 6 });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ThrottleDecision.Allowed, limiter.TryTake("a", Now));
        }

        Assert.NotEqual(ThrottleDecision.Allowed, limiter.TryTake("a", Now.AddSeconds(9)));
        Assert.Equal(ThrottleDecision.Allowed, limiter.TryTake("a", Now.AddSeconds(10)));

        var later = Now.AddHours(1);
        var allowed = Enumerable.Range(0, 10).Count(_ => limiter.TryTake("a", later) == ThrottleDecision.Allowed);
        Assert.Equal(3, allowed);
    }
}
