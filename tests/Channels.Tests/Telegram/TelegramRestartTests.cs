using System.Net;
using Assistant.Channels.Telegram;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Tests.Servers;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>Telegram was told "received": a host stopped (a deploy, a restart) while the message waits must not lose it.</summary>
public sealed class TelegramRestartTests
{
    [Fact]
    public async Task A_message_still_waiting_when_the_host_stops_is_answered_after_the_restart()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var first = new TelegramOnRedisApp(redis.Configuration) { KeepData = true };
        await first.InitializeAsync();
        TelegramOnRedisApp? second = null;
        try
        {
            const long chat = 5902;
            await redis.StopAsync();
            using (var response = await first.PostUpdateAsync(TelegramUpdates.Text(chat, "как получить полис омс")))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await Eventually.ValueAsync(() => first.Logs.Lines.FirstOrDefault(l => l.EventId == 4139), "a failed attempt that will be tried again");
            await first.DisposeAsync();
            Assert.Empty(first.Telegram.SentTo(chat));

            await redis.StartAsync();
            second = new TelegramOnRedisApp(redis.Configuration) { DataDirectory = first.DataDirectory };
            await second.InitializeAsync();

            var answer = await second.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer after the restart", TimeSpan.FromSeconds(30));
            Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(second.Logs.Lines, l => l.EventId == 4300);
            await WaitUntilNothingKeptAsync(second);
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
    public async Task A_redelivery_of_an_update_still_on_its_way_is_acknowledged_and_answered_once()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var app = new TelegramOnRedisApp(redis.Configuration);
        await app.InitializeAsync();
        try
        {
            const long chat = 5903;
            var update = TelegramUpdates.Text(chat, "как получить полис омс");
            await redis.StopAsync();
            using (var response = await app.PostUpdateAsync(update))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            using (var again = await app.PostUpdateAsync(update))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }

            Assert.Contains(app.Logs.Lines, l => l.EventId == 4111);
            await redis.StartAsync();
            await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer once Redis is back", TimeSpan.FromSeconds(30));
            await WaitUntilNothingKeptAsync(app);
            Assert.Single(app.Telegram.SentTo(chat), m => m.Buttons.Count > 0);
        }
        finally
        {
            await app.DisposeAsync();
            await redis.DisposeAsync();
        }
    }

    [Fact]
    public Task A_reply_still_waiting_for_Telegram_when_the_host_stops_is_sent_once_by_the_next_host() =>
        // Telegram tells the first host to wait a minute before writing to this chat: the turn is done and in the transcript,
        // but its reply is still in the outbox when the host stops (2 s of patience).
        AReplyTheFirstHostHeldBackIsSentOnceByTheNextAsync(
            (redis, data) => data is null ? new TelegramOnRedisApp(redis) { KeepData = true } : new TelegramOnRedisApp(redis) { DataDirectory = data },
            chat: 5904,
            arrange: (first, chat) => first.Telegram.Fail("sendMessage", chat, 429, "Too Many Requests: retry after 60", retryAfter: 60, times: 100),
            heldBack: (first, chat) => first.Telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == chat && !c.Succeeded, "the refused first attempt"));

    [Fact]
    public Task A_reply_Telegram_refused_through_every_retry_stays_kept_and_is_sent_by_the_next_host() =>
        // Telegram answers 502 to both attempts this host makes: its retries are spent, the reply stays kept.
        AReplyTheFirstHostHeldBackIsSentOnceByTheNextAsync(
            (redis, data) => data is null ? new TelegramFewAttemptsApp(redis) { KeepData = true } : new TelegramFewAttemptsApp(redis) { DataDirectory = data },
            chat: 5905,
            arrange: (first, chat) => first.Telegram.Fail("sendMessage", chat, 502, "Bad Gateway", times: 100),
            heldBack: (first, _) => Eventually.ValueAsync(() => first.Logs.Lines.FirstOrDefault(l => l.EventId == 4133), "the reply put off"));

    /// <summary>
    /// The first host answers a message but cannot get the reply to Telegram (<paramref name="arrange"/>) and stops once it has
    /// held it back (<paramref name="heldBack"/>); the next host, on the same data (<paramref name="host"/> with its directory),
    /// sends it, once.
    /// </summary>
    private static async Task AReplyTheFirstHostHeldBackIsSentOnceByTheNextAsync(
        Func<string, string?, TelegramApp> host, long chat, Action<TelegramApp, long> arrange, Func<TelegramApp, long, Task> heldBack)
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var first = host(redis.Configuration, null);
        await first.InitializeAsync();
        TelegramApp? second = null;
        try
        {
            arrange(first, chat);
            using (var response = await first.PostUpdateAsync(TelegramUpdates.Text(chat, "как получить полис омс")))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await heldBack(first, chat);
            Assert.True(await first.Stores.ReceivedMessages.CountAsync(TelegramOutgoing.Channel, CancellationToken.None) > 0);
            await first.DisposeAsync();
            Assert.Empty(first.Telegram.SentTo(chat));

            second = host(redis.Configuration, first.DataDirectory);
            await second.InitializeAsync();

            var answer = await second.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer, sent by the next host", TimeSpan.FromSeconds(30));
            Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
            await WaitUntilNothingKeptAsync(second, TelegramOutgoing.Channel);
            Assert.Single(second.Telegram.SentTo(chat), m => m.Buttons.Count > 0);
            Assert.Single(await second.CitizenTextsAsync(chat));
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

    /// <summary>The Redis webhook app, giving up a send after two attempts (one second apart).</summary>
    private sealed class TelegramFewAttemptsApp(string redis) : TelegramApp
    {
        protected override TelegramMode Mode => TelegramMode.Webhook;

        protected override IEnumerable<string> ExtraArgs =>
        [
            "--ConnectionStrings:Redis", redis, "--Telegram:MaxSendAttempts", "2", "--shutdownTimeoutSeconds", "2",
        ];
    }

    private static async Task WaitUntilNothingKeptAsync(TelegramApp app, string channel = TelegramChannel.Name)
    {
        using var guard = new CancellationTokenSource(FakeTelegramServer.DefaultTimeout);
        while (await app.Stores.ReceivedMessages.CountAsync(channel, guard.Token) > 0)
        {
            await Task.Delay(50, guard.Token);
        }
    }
}
