using Assistant.Channels.Incoming;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Tests.Incoming;

/// <summary>A reply kept until its messenger has it: forgotten when it went out, kept when any of its parts was put off.</summary>
public sealed class KeptReplyTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("kept-reply-");

    [Fact]
    public async Task A_reply_whose_parts_all_went_out_is_forgotten()
    {
        var (messages, stores) = Open();
        var reply = await KeepAsync(messages, "1/c#1");

        await reply.EndedAsync();

        Assert.Equal(0, await stores.ReceivedMessages.CountAsync("telegram-out", CancellationToken.None));
    }

    [Fact]
    public async Task A_reply_with_one_part_put_off_stays_kept_after_its_last_part_and_is_taken_over_once_its_lease_runs_out()
    {
        var clock = new ManualClock { Now = DateTimeOffset.UtcNow };
        var (messages, stores) = Open(clock);
        var reply = await KeepAsync(messages, "1/c#2");

        // The first part failed through every retry; the last one went out.
        reply.PartPutOff();
        await reply.EndedAsync();

        Assert.Equal(1, await stores.ReceivedMessages.CountAsync("telegram-out", CancellationToken.None));
        clock.Advance(ReceivedMessages.Lease + TimeSpan.FromSeconds(1));
        var claimed = await stores.ReceivedMessages.ClaimExpiredAsync("telegram-out", "another-host", clock.Now, clock.Now + ReceivedMessages.Lease, 10, CancellationToken.None);
        Assert.Equal("1/c#2", Assert.Single(claimed).Id);
    }

    private (ReceivedMessages Messages, DialogStores Stores) Open(TimeProvider? time = null)
    {
        var stores = DialogStores.Sqlite(Path.Combine(_data.FullName, "dialogs.db"));
        return (new ReceivedMessages(stores, time ?? TimeProvider.System), stores);
    }

    private static async Task<KeptReply> KeepAsync(ReceivedMessages messages, string id)
    {
        Assert.Equal(KeepResult.Kept, await messages.KeepOutgoingAsync("telegram-out", id, "{}"));
        return new KeptReply(messages, "telegram-out", id);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
