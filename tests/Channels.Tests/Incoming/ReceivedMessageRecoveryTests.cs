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
        await new VkIntake(stoppedInbox, stopped).AcceptAsync(Update(1, "как получить полис омс"), Incoming(1, "как получить полис омс"));
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
        await new VkIntake(new VkInbox(), dead).AcceptAsync(Update(2, "талон к врачу"), Incoming(2, "талон к врачу"));

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
    public async Task A_message_the_host_kept_but_no_longer_holds_is_not_renewed_and_gets_taken_over()
    {
        var host = new ReceivedMessages(Stores, _clock);
        var hostInbox = new VkInbox();
        await new VkIntake(hostInbox, host).AcceptAsync(Update(5, "held"), Incoming(5, "held"));

        // A keep that the store committed while the host saw it fail: the row is the host's, the message is in no queue.
        await Stores.ReceivedMessages.AddAsync(new ReceivedMessage(VkChannel.Name, "vk-event-6", VkReceivedReplay.Serialize(Update(6, "lost"))), host.Owner, _clock.Now + ReceivedMessages.Lease, CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(60));
        await RoundAsync(host, hostInbox);
        _clock.Advance(TimeSpan.FromSeconds(60));
        var other = new VkInbox();
        await RoundAsync(new ReceivedMessages(Stores, _clock), other);

        Assert.Equal("vk-event-6", (await ReadOneAsync(other)).DeliveryId);
        Assert.False(other.Readers.Any(r => r.TryPeek(out _)), "the held message stays with its host");
    }

    [Fact]
    public async Task A_replay_that_finds_the_message_already_handled_forgets_it()
    {
        var inbox = new VkInbox();
        inbox.Post(Incoming(7, "уже обработано"));
        await Stores.ReceivedMessages.AddAsync(new ReceivedMessage(VkChannel.Name, "vk-event-7", VkReceivedReplay.Serialize(Update(7, "уже обработано"))), "gone", _clock.Now.AddMinutes(-5), CancellationToken.None);

        await RoundAsync(new ReceivedMessages(Stores, _clock), inbox);

        Assert.Equal(0, await Stores.ReceivedMessages.CountAsync(VkChannel.Name, CancellationToken.None));
    }

    [Fact]
    public async Task The_callback_secret_is_not_kept_with_the_event()
    {
        var received = new ReceivedMessages(Stores, _clock);

        await new VkIntake(new VkInbox(), received).AcceptAsync(Update(3, "вопрос") with { Secret = "s3cret-callback-key" }, Incoming(3, "вопрос"));

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
        // Named by the digest of its id (an id may hold the person's chat), not by the id itself.
        Assert.Contains(logs.Lines, l => l.EventId == 4301 && l.Message.Contains(Assistant.Dialogs.Privacy.LogDigest.Of("broken"), StringComparison.Ordinal)
            && !l.Message.Contains("broken", StringComparison.Ordinal));
        Assert.Single(await Stores.ReceivedMessages.ClaimExpiredAsync(VkChannel.Name, "probe", _clock.Now.AddDays(1), _clock.Now, 10, CancellationToken.None));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }

    /// <summary>One round of a host's recovery: renew what it holds, take over what is due.</summary>
    private async Task RoundAsync(ReceivedMessages messages, VkInbox inbox, CapturedLogs? logs = null) =>
        await Recovery(messages, inbox, logs).RunRoundAsync(CancellationToken.None);

    private ReceivedMessageRecovery Recovery(ReceivedMessages messages, VkInbox inbox, CapturedLogs? logs = null) =>
        new(messages, [new VkReceivedReplay(inbox)], _clock, LoggerFactory.Create(b => b.AddProvider(logs ?? new CapturedLogs())).CreateLogger<ReceivedMessageRecovery>());

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
