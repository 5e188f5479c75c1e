using Assistant.Channels.Tests.Vk.Support;
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
}
