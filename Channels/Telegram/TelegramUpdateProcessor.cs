using System.Globalization;
using Assistant.Channels.Incoming;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Works through the update queue, one reader per partition. A failed update is tried again for a while (see
/// <see cref="IncomingRetry"/>). On stop it finishes what is queued, within the host's shutdown time; what it abandons stays kept
/// (<see cref="ReceivedMessages"/>) and is taken over at the next start.
/// </summary>
public sealed class TelegramUpdateProcessor(
    TelegramUpdateQueue queue, TelegramUpdateHandler handler, IncomingRetry retry, ReceivedMessages received, ILogger<TelegramUpdateProcessor> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, TelegramUpdateQueue.Partitions).Select(ReadAsync));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The readers end once the queue is empty; only when the host's patience runs out is the rest abandoned.
        queue.Complete();
        await using var abandon = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private async Task ReadAsync(int partition)
    {
        await Task.Yield();
        var token = _abandon.Token;
        try
        {
            await foreach (var update in queue.Reader(partition).ReadAllAsync(token))
            {
                await ProcessAsync(update, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Abandoned at shutdown.
        }
    }

    private async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        await retry.RunAsync(
            token => handler.HandleAsync(update, token),
            (e, attempt, delay) => logger.UpdateRetrying(e, update.Id, attempt, delay),
            e => logger.UpdateFailed(e, update.Id),
            cancellationToken);

        // Done or given up on (and logged): either way it is no longer kept.
        await received.DoneAsync(TelegramChannel.Name, update.Id.ToString(CultureInfo.InvariantCulture));
    }
}
