using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Locking;

namespace Assistant.Dialogs.Tests.Locking;

public sealed class InProcessConversationLockTests
{
    private static readonly ConversationKey Anna = new("web", "anna");
    private static readonly ConversationKey Boris = new("telegram", "boris");

    [Fact]
    public async Task A_second_holder_of_the_same_key_waits_until_the_first_releases()
    {
        var locks = new InProcessConversationLock();
        var first = await locks.AcquireAsync(Anna, CancellationToken.None);
        var second = locks.AcquireAsync(Anna, CancellationToken.None);
        Assert.False(second.IsCompleted);

        var other = await locks.AcquireAsync(Boris, CancellationToken.None);
        await other.DisposeAsync();

        await first.DisposeAsync();
        await (await second).DisposeAsync();
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_no_trace()
    {
        var locks = new InProcessConversationLock();
        var held = await locks.AcquireAsync(Anna, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync(Anna, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        await held.DisposeAsync();
        await held.DisposeAsync();
        Assert.Equal(0, locks.ActiveKeys);
        await (await locks.AcquireAsync(Anna, CancellationToken.None)).DisposeAsync();
    }
}
