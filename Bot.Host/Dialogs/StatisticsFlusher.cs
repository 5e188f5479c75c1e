using Assistant.Dialogs.Statistics;
using Assistant.Dialogs.Stores;

namespace Assistant.Bot.Host.Dialogs;

/// <summary>Writes the buffered dashboard counters every two seconds and once more when the host stops.</summary>
public sealed class StatisticsFlusher(DialogStores stores, ILogger<StatisticsFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (stores.Statistics is not BufferedStatisticsStore buffered)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(buffered, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await FlushAsync(buffered, CancellationToken.None);
    }

    private async Task FlushAsync(BufferedStatisticsStore buffered, CancellationToken cancellationToken)
    {
        try
        {
            await buffered.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Dashboard counters were not written; they are kept for the next flush");
        }
    }
}
