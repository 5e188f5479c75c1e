using Assistant.Channels.Telegram;
using Assistant.Channels.Tests.Telegram.Support;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>The pacing decisions on a clock the test moves: how long each next message must wait.</summary>
public sealed class TelegramRateLimiterTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_chat_gets_at_most_one_message_a_second()
    {
        var limiter = new TelegramRateLimiter(_clock);
        Assert.Equal(TimeSpan.Zero, limiter.UntilChatMayReceive(7001));

        limiter.Sent(7001);

        Assert.Equal(TimeSpan.FromSeconds(1), limiter.UntilChatMayReceive(7001));
        Assert.Equal(TimeSpan.Zero, limiter.UntilChatMayReceive(7002));
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(TimeSpan.FromMilliseconds(400), limiter.UntilChatMayReceive(7001));
        _clock.Advance(TimeSpan.FromMilliseconds(400));
        Assert.Equal(TimeSpan.Zero, limiter.UntilChatMayReceive(7001));
    }

    [Fact]
    public void A_group_gets_at_most_20_messages_a_minute()
    {
        var limiter = new TelegramRateLimiter(_clock);
        const long group = -1007001;
        var start = _clock.Now;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.UntilChatMayReceive(group));
            limiter.Sent(group);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        // The 21st waits until the first of the twenty is a minute old.
        Assert.Equal(start + TimeSpan.FromMinutes(1) - _clock.Now, limiter.UntilChatMayReceive(group));
        _clock.Now = start + TimeSpan.FromMinutes(1);
        Assert.Equal(TimeSpan.Zero, limiter.UntilChatMayReceive(group));
    }

    [Fact]
    public void A_private_chat_has_no_per_minute_limit()
    {
        var limiter = new TelegramRateLimiter(_clock);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.UntilChatMayReceive(7001));
            limiter.Sent(7001);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void All_chats_together_get_at_most_30_messages_a_second()
    {
        var limiter = new TelegramRateLimiter(_clock);

        var waits = Enumerable.Range(0, 61).Select(_ => limiter.TakeOverallSlot()).ToList();

        Assert.Equal(TimeSpan.Zero, waits[0]);
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.InRange(waits[30], TimeSpan.FromMilliseconds(990), TimeSpan.FromMilliseconds(1010));
        Assert.InRange(waits[60], TimeSpan.FromMilliseconds(1990), TimeSpan.FromMilliseconds(2010));
    }
}
