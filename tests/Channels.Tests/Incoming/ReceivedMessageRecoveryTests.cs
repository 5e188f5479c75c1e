using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Channels.Incoming;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Channels.Tests.Vk.Support;
using Assistant.Channels.Vk;
using Assistant.Channels.Vk.Receiving;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Incoming;

/// <summary>
/// Messages kept until processed are taken over by the next host to start (after a stop) or by any host once their lease has run
/// out (after a host died): real SQLite store, the real VK intake and replay, hosts played by separate components on one file.
/// </summary>
public sealed class ReceivedMessageRecoveryTests : IDisposable
{
    private const long GroupId = 229_100_419;

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("received-");
    private readonly ManualClock _clock = new() { Now = DateTimeOffset.UtcNow };

    private DialogStores Stores => DialogStores.Sqlite(Path.Combine(_data.FullName, "dialogs.db"));

    [Fact]
    public async Task What_a_stopped_host_kept_is_queued_again_by_the_next_start()
    {
        var stopped = new ReceivedMessages(Stores, _clock);
        var stoppedInbox = new VkInbox();
        await new VkIntake(stoppedInbox, stopped).AcceptAsync(Update(1, "как получить полис омс"), Incoming(1, "как получить полис омс"), CancellationToken.None);
        // The host stops before the event's turn: its recovery releases the lease on the way out.
        await Recovery(stopped, new VkInbox()).StopAsync(CancellationToken.None);

        var inbox = new VkInbox();
        var next = Recovery(new ReceivedMessages(Stores, _clock), inbox);
        await next.StartAsync(CancellationToken.None);

        var taken = await ReadOneAsync(inbox);
        await next.StopAsync(CancellationToken.None);
        Assert.Equal("vk-event-1", taken.DeliveryId);
        Assert.Equal("как получить полис омс", Assert.IsType<VkIncomingMessage>(taken).Text);
    }

    [Fact]
    public async Task What_a_dead_host_kept_is_taken_over_only_once_its_lease_has_run_out()
    {
        var dead = new ReceivedMessages(Stores, _clock);
        await new VkIntake(new VkInbox(), dead).AcceptAsync(Update(2, "талон к врачу"), Incoming(2, "талон к врачу"), CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(60));
        var early = new VkInbox();
        await RoundAsync(new ReceivedMessages(Stores, _clock), early);
        Assert.False(early.Readers.Any(r => r.TryPeek(out _)), "a lease still running is left alone");

        _clock.Advance(ReceivedMessages.Lease);
        var late = new VkInbox();
        await RoundAsync(new ReceivedMessages(Stores, _clock), late);
        Assert.Equal("vk-event-2", (await ReadOneAsync(late)).DeliveryId);
    }

    [Fact]
    public async Task The_callback_secret_is_not_kept_with_the_event()
    {
        var received = new ReceivedMessages(Stores, _clock);

        await new VkIntake(new VkInbox(), received).AcceptAsync(Update(3, "вопрос") with { Secret = "s3cret-callback-key" }, Incoming(3, "вопрос"), CancellationToken.None);

        var kept = Assert.Single(await Stores.ReceivedMessages.ClaimExpiredAsync(VkChannel.Name, "probe", _clock.Now.AddDays(1), _clock.Now, 10, CancellationToken.None));
        Assert.DoesNotContain("s3cret", kept.Payload, StringComparison.Ordinal);
        Assert.Contains("вопрос", kept.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_message_that_cannot_be_read_is_dropped_and_logged_and_the_others_still_come()
    {
        await Stores.ReceivedMessages.AddAsync(new ReceivedMessage(VkChannel.Name, "broken", "{not json"), "gone", _clock.Now.AddMinutes(-5), CancellationToken.None);
        await Stores.ReceivedMessages.AddAsync(new ReceivedMessage(VkChannel.Name, "vk-event-4", VkReceivedReplay.Serialize(Update(4, "справка"))), "gone", _clock.Now.AddMinutes(-5), CancellationToken.None);
        var logs = new CapturedLogs();
        var inbox = new VkInbox();

        await RoundAsync(new ReceivedMessages(Stores, _clock), inbox, logs);

        Assert.Equal("vk-event-4", (await ReadOneAsync(inbox)).DeliveryId);
        Assert.Contains(logs.Lines, l => l.EventId == 4301 && l.Message.Contains("broken", StringComparison.Ordinal));
        Assert.Single(await Stores.ReceivedMessages.ClaimExpiredAsync(VkChannel.Name, "probe", _clock.Now.AddDays(1), _clock.Now, 10, CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    /// <summary>One start and stop of a host's recovery: its first round takes over what is due, its stop releases its leases.</summary>
    private async Task RoundAsync(ReceivedMessages messages, VkInbox inbox, CapturedLogs? logs = null)
    {
        var recovery = Recovery(messages, inbox, logs);
        await recovery.StartAsync(CancellationToken.None);
        await WaitForFirstRoundAsync(inbox);
        await recovery.StopAsync(CancellationToken.None);
    }

    private ReceivedMessageRecovery Recovery(ReceivedMessages messages, VkInbox inbox, CapturedLogs? logs = null) =>
        new(messages, [new VkReceivedReplay(inbox)], _clock, LoggerFactory.Create(b => b.AddProvider(logs ?? new CapturedLogs())).CreateLogger<ReceivedMessageRecovery>());

    private static async Task WaitForFirstRoundAsync(VkInbox inbox)
    {
        // The round runs in the background from StartAsync; give it a moment to queue what it takes over.
        for (var i = 0; i < 20 && !inbox.Readers.Any(r => r.TryPeek(out _)); i++)
        {
            await Task.Delay(25);
        }
    }

    private static async Task<VkIncoming> ReadOneAsync(VkInbox inbox)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            foreach (var reader in inbox.Readers)
            {
                if (reader.TryRead(out var incoming))
                {
                    return incoming;
                }
            }

            await Task.Delay(20, guard.Token);
        }
    }

    private static VkUpdate Update(int n, string text) =>
        JsonSerializer.Deserialize<VkUpdate>(VkEvents.MessageNew(GroupId, 7_000 + n, n, text, $"vk-event-{n}").ToJsonString(), VkJson.Options)!;

    private static VkIncoming Incoming(int n, string text) => VkUpdateReader.Read(Update(n, text))!;
}
