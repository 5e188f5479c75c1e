using System.Net;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Tests.Servers;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>Telegram was told "received": a store outage must delay the answer, not lose the message.</summary>
public sealed class TelegramOutageTests
{
    [Fact]
    public async Task A_message_that_arrives_while_Redis_is_away_is_answered_once_Redis_is_back()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var app = new TelegramOnRedisApp(redis.Configuration);
        await app.InitializeAsync();
        try
        {
            const long chat = 5901;
            await redis.StopAsync();

            using (var response = await app.PostUpdateAsync(TelegramUpdates.Text(chat, "как получить полис омс")))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Eventually.ValueAsync(() => app.Logs.Lines.FirstOrDefault(l => l.EventId == 4139), "a failed attempt that will be tried again");
            await redis.StartAsync();

            var answer = await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer once Redis is back", TimeSpan.FromSeconds(30));
            Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(app.Logs.Lines, l => l.EventId == 4123);
        }
        finally
        {
            await app.DisposeAsync();
            await redis.DisposeAsync();
        }
    }
}
