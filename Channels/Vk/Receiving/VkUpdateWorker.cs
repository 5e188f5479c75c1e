using Assistant.Channels.Incoming;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Threading.Channels;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Processes what the inbox holds, one reader per partition. On stop the inbox is closed first (the callback endpoint then
/// answers 503 and VK delivers again later) and what was already taken is finished, until the host's stop timeout ends it.
/// A failed message is tried again for a while (see <see cref="IncomingRetry"/>). What is abandoned at stop stays kept
/// (<see cref="ReceivedMessages"/>) and is taken over at the next start.
/// </summary>
public sealed class VkUpdateWorker(VkInbox inbox, VkIncomingHandler handler, IncomingRetry retry, ReceivedMessages received, ILogger<VkUpdateWorker> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    // Not stoppingToken: stopping means "take nothing new", not "drop what VK was told ok for".
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(inbox.Readers.Select(reader => Task.Run(() => DrainAsync(reader), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        inbox.Complete();
        await using (cancellationToken.Register(_abort.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    private async Task DrainAsync(ChannelReader<VkIncoming> reader)
    {
        await foreach (var incoming in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await retry.RunAsync(
                    token => handler.HandleAsync(incoming, token),
                    (e, attempt, delay) => logger.HandlingRetrying(e, incoming.MessageId, attempt, delay),
                    e => logger.HandlingFailed(e, incoming.MessageId),
                    _abort.Token);
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
                logger.Abandoned(incoming.MessageId);
                continue;
            }

            // Done or given up on (and logged): either way it is no longer kept.
            await received.DoneAsync(VkChannel.Name, incoming.DeliveryId);
        }
    }
}
