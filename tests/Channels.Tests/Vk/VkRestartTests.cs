using Assistant.Channels.Tests.Vk.Support;
using Assistant.Channels.Vk.Sending;
using Assistant.Tests.Servers;

namespace Assistant.Channels.Tests.Vk;

/// <summary>VK was told "ok": a host stopped while the event waits (Redis away) must answer it after the restart.</summary>
public sealed class VkRestartTests
{
    [Fact]
    public async Task An_event_still_waiting_when_the_host_stops_is_answered_after_the_restart()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var first = new VkOnRedisApp(redis.Configuration) { KeepData = true };
        await first.InitializeAsync();
        VkOnRedisApp? second = null;
        try
        {
            const long peer = 8_801;
            await redis.StopAsync();
            await first.PostOkAsync(VkEvents.MessageNew(VkApp.GroupId, peer, 1, "как получить полис омс", "restart-event-1", VkApp.Secret));
            await first.DisposeAsync();
            Assert.Empty(first.Vk.MessagesTo(peer));

            await redis.StartAsync();
            second = new VkOnRedisApp(redis.Configuration) { DataDirectory = first.DataDirectory };
            await second.InitializeAsync();

            var answer = await second.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer after the restart");
            Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_reply_VK_would_not_take_is_kept_and_sent_once_by_the_next_host()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var first = new VkOnRedisApp(redis.Configuration) { KeepData = true };
        await first.InitializeAsync();
        VkOnRedisApp? second = null;
        try
        {
            const long peer = 8_802;
            // VK is down for this host: every messages.send fails, the client's retries are spent, the turn is stored.
            first.Vk.FailNext("messages.send", 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);
            await first.PostOkAsync(VkEvents.MessageNew(VkApp.GroupId, peer, 1, "как получить полис омс", "restart-event-2", VkApp.Secret));
            await Eventually(async () => await first.Stores.ReceivedMessages.CountAsync(VkOutgoing.Channel, CancellationToken.None) > 0
                && (await first.CitizenLinesAsync(peer)).Count == 1);
            await first.DisposeAsync();
            Assert.Empty(first.Vk.MessagesTo(peer));

            second = new VkOnRedisApp(redis.Configuration) { DataDirectory = first.DataDirectory };
            await second.InitializeAsync();

            var answer = await second.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer, sent by the next host");
            Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
            await Eventually(async () => await second.Stores.ReceivedMessages.CountAsync(VkOutgoing.Channel, CancellationToken.None) == 0);
            Assert.Single(second.Vk.MessagesTo(peer), m => m.Buttons.Count > 0);
            Assert.Single(await second.CitizenLinesAsync(peer));
        }
        finally
        {
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            await redis.DisposeAsync();
        }
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "waited 15 s in vain");
            await Task.Delay(50);
        }
    }
}
