using Assistant.Dialogs.Retention;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Retention;

/// <summary>
/// Runs the retention purge a minute after start and then every Retention:Every. On several hosts each runs it; a second run
/// at the same time only finds fewer rows (the purge is idempotent).
/// </summary>
public sealed class RetentionService(RetentionPurge purge, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.Every, time);
            do
            {
                try
                {
                    await purge.RunAsync(dryRun: false, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "The retention purge failed; it runs again in {Every}", options.Value.Every);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
