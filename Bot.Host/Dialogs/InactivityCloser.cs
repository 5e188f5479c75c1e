using Assistant.Dialogs.Engine;

namespace Assistant.Bot.Host.Dialogs;

/// <summary>
/// Closes conversations nobody touched for Dialogs:InactivityTimeout and asks for their rating; once an hour forgets processed
/// message ids older than Dialogs:ProcessedMessageRetention.
/// </summary>
public sealed partial class InactivityCloser(ConversationEngine engine, TimeProvider time, ILogger<InactivityCloser> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ForgetPeriod = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        var lastForget = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // Each job fails on its own: a store outage must not stop the loop or the other job, and the next tick tries again.
            try
            {
                var closed = await engine.CloseInactiveAsync(time.GetUtcNow(), stoppingToken);
                if (closed > 0)
                {
                    ClosedInactive(logger, closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CloseFailed(logger, ex);
            }

            var now = time.GetUtcNow();
            if (now - lastForget < ForgetPeriod)
            {
                continue;
            }

            try
            {
                var forgotten = await engine.ForgetOldMessageIdsAsync(now, stoppingToken);
                lastForget = now;
                if (forgotten > 0)
                {
                    ForgotMessageIds(logger, forgotten);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ForgetFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Closed {Count} inactive conversations")]
    private static partial void ClosedInactive(ILogger logger, int count);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Forgot {Count} processed message ids past their retention")]
    private static partial void ForgotMessageIds(ILogger logger, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Forgetting old processed message ids failed; retrying on the next tick")]
    private static partial void ForgetFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Closing inactive conversations failed; retrying on the next tick")]
    private static partial void CloseFailed(ILogger logger, Exception exception);
}
