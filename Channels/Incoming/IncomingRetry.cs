using Microsoft.Extensions.Options;

namespace Assistant.Channels.Incoming;

/// <summary>
/// Runs the turn of a received message again while it fails (Redis or a database away, say), with a growing delay, for up to
/// <see cref="IncomingRetryOptions.Window"/>. The messages of one chat wait behind it, so they stay in order; when a partition
/// fills, the webhooks answer "busy" and the messenger delivers later. The engine forgets a failed message's id, so a retry is
/// not taken for a duplicate.
/// </summary>
public sealed class IncomingRetry(IOptions<IncomingRetryOptions> options, TimeProvider time)
{
    /// <summary>
    /// True once <paramref name="turn"/> succeeded; false when the window ran out (the last failure goes to
    /// <paramref name="failed"/>). Each failure that will be tried again goes to <paramref name="retrying"/>.
    /// </summary>
    public async Task<bool> RunAsync(
        Func<CancellationToken, Task> turn, Action<Exception, int, TimeSpan> retrying, Action<Exception> failed, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = time.GetTimestamp();
        var delay = settings.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await turn(cancellationToken);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (time.GetElapsedTime(started) + delay > settings.Window)
                {
                    failed(e);
                    return false;
                }

                retrying(e, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxDelay.Ticks));
            }
        }
    }
}
