using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Incoming;

/// <summary>
/// Renews this host's leases on the messages it keeps, and takes over the kept messages whose lease ran out: at start (what this
/// host left when it stopped) and then every <see cref="Interval"/> (what a host that died left). On stop, after the channels'
/// workers have finished or abandoned their work, it releases this host's leases so the next start or another host takes them
/// over at once.
/// </summary>
public sealed class ReceivedMessageRecovery(
    ReceivedMessages messages,
    IEnumerable<IReceivedMessageReplay> channels,
    TimeProvider time,
    ILogger<ReceivedMessageRecovery> logger,
    IHostApplicationLifetime? lifetime = null)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>A kept message older than this is given up, whatever its lease: a channel switched off since leaves its messages behind.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Once the host begins to stop it takes nothing over: its workers take nothing new, and other hosts are releasing theirs.
        using var rounds = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime?.ApplicationStopping ?? CancellationToken.None);
        stoppingToken = rounds.Token;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store is away: the leases run on (90 s), and the next round tries again.
                logger.RecoveryFailed(e);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // The host's patience may be spent already (workers abandon at its end); the release still gets a few seconds of its own.
        using var release = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await messages.ReleaseAsync(release.Token);
        }
        catch (Exception e)
        {
            // Not released: the leases run out by themselves.
            logger.ReleaseFailed(e);
        }
    }

    /// <summary>One round: renew what this host holds, give up what is too old, take over what is due.</summary>
    internal async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await messages.RenewAsync(cancellationToken);
        if (await messages.ForgetOlderThanAsync(MaxAge, cancellationToken) is > 0 and var forgotten)
        {
            logger.TooOld(forgotten);
        }

        foreach (var channel in channels)
        {
            await TakeOverAsync(channel, cancellationToken);
        }
    }

    private async Task TakeOverAsync(IReceivedMessageReplay channel, CancellationToken cancellationToken)
    {
        IReadOnlyList<Dialogs.Stores.ReceivedMessage> batch;
        do
        {
            batch = await messages.TakeOverAsync(channel.Channel, Batch, cancellationToken);
            foreach (var message in batch)
            {
                ReplayOutcome outcome;
                try
                {
                    outcome = await channel.ReplayAsync(message, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    logger.ReplayFailed(e, message.Channel, message.Id);
                    outcome = ReplayOutcome.Refused;
                }

                switch (outcome)
                {
                    case ReplayOutcome.Queued:
                        logger.TakenOver(message.Channel, message.Id);
                        break;
                    case ReplayOutcome.AlreadyHandled:
                        await messages.DoneAsync(message.Channel, message.Id);
                        break;
                    case ReplayOutcome.Unreadable:
                        logger.Unreadable(message.Channel, message.Id);
                        await messages.DoneAsync(message.Channel, message.Id);
                        break;
                    default:
                        messages.LetGo(message.Channel, message.Id);
                        break;
                }
            }
        }
        while (batch.Count == Batch);
    }
}
