using Assistant.Channels.Incoming;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Tests.Incoming;

public sealed class IncomingRetryTests
{
    private static IncomingRetry Retry(TimeSpan window) => new(Options.Create(new IncomingRetryOptions
    {
        Window = window,
        FirstDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(40),
    }), TimeProvider.System);

    [Fact]
    public async Task A_turn_that_fails_for_a_while_is_run_again_with_growing_delays_until_it_succeeds()
    {
        var runs = 0;
        var delays = new List<TimeSpan>();

        var done = await Retry(TimeSpan.FromSeconds(10)).RunAsync(
            _ => ++runs <= 4 ? throw new InvalidOperationException("store away") : Task.CompletedTask,
            (_, _, delay) => delays.Add(delay),
            _ => Assert.Fail("not given up"),
            CancellationToken.None);

        Assert.True(done);
        Assert.Equal(5, runs);
        Assert.Equal([10, 20, 40, 40], delays.Select(d => (int)d.TotalMilliseconds));
    }

    [Fact]
    public async Task A_turn_that_keeps_failing_is_given_up_once_the_window_is_over()
    {
        var runs = 0;
        Exception? last = null;

        var done = await Retry(TimeSpan.FromMilliseconds(150)).RunAsync(
            _ => throw new InvalidOperationException($"failure {++runs}"), (_, _, _) => { }, e => last = e, CancellationToken.None);

        Assert.False(done);
        Assert.InRange(runs, 2, 20); // how many fit in the window depends on how late the timers fire on a busy machine
        Assert.Equal($"failure {runs}", last?.Message);
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_retries()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Retry(TimeSpan.FromMinutes(5)).RunAsync(
            _ => throw new InvalidOperationException("store away"), (_, _, _) => { }, _ => { }, stop.Token));
    }
}
