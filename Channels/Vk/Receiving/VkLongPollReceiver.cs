using Assistant.Channels.Incoming;
using Assistant.Channels.Vk.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Bots Long Poll mode: gets a session with groups.getLongPollServer, polls it and queues the events. The ts moves on only
/// after a batch is queued, so nothing is skipped or taken twice; on failed 1 it goes on from the ts VK returns, on 2 it
/// gets a new key and keeps its ts (the events meanwhile are still fetched), on 3 it starts a new session (key and ts).
/// Network and server failures are retried with growing pauses. The ts is saved (<see cref="ReceivedMessages.SavePositionAsync"/>),
/// so after a restart polling goes on from where it was, and the events that came meanwhile are fetched too.
/// </summary>
public sealed class VkLongPollReceiver(
    VkApiClient api,
    VkLongPollClient longPoll,
    VkIntake intake,
    ReceivedMessages received,
    IOptions<VkOptions> options,
    TimeProvider time,
    ILogger<VkLongPollReceiver> logger) : BackgroundService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        VkLongPollServer? server = null;
        var stream = $"vk:longpoll:{options.Value.GroupId}";
        var ts = await received.PositionAsync(stream, stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (server is null)
                {
                    server = await api.SendAsync(new GetLongPollServerRequest(options.Value.GroupId), stoppingToken);
                    logger.LongPollSession(keptTs: ts is not null);
                }

                if (ts is null)
                {
                    // A new session's position is saved at once: on a quiet group no event may come to save it before a restart.
                    ts = server.Ts;
                    await received.SavePositionAsync(stream, ts);
                }

                var response = await longPoll.CheckAsync(server, ts, stoppingToken);
                failures = 0;
                switch (response.Failed)
                {
                    case null:
                        if (!await QueueAsync(response.Updates))
                        {
                            return;
                        }

                        ts = await MoveAsync(stream, ts, response.Ts);
                        break;
                    case 1:
                        logger.LongPollFailed(1);
                        ts = await MoveAsync(stream, ts, response.Ts);
                        break;
                    case 2:
                        logger.LongPollFailed(2);
                        server = null;
                        break;
                    default:
                        logger.LongPollFailed(response.Failed.Value);
                        server = null;
                        ts = null;
                        break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A permanent error (wrong token, long poll off in the community settings) needs an administrator; keep trying slowly.
                var pause = Pause(++failures);
                logger.LongPollError(e, pause.TotalSeconds);
                server = e is VkApiException { IsTransient: false } ? null : server;
                try
                {
                    await Task.Delay(pause, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>False when the inbox is closed (stopping): the ts stays, so the batch is fetched again next time.</summary>
    private async Task<bool> QueueAsync(IReadOnlyList<VkUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (VkUpdateReader.Read(update) is not { } incoming)
            {
                logger.UpdateIgnored(update.Type, update.EventId);
                continue;
            }

            var result = await intake.AcceptAsync(update, incoming);
            if (result == VkInboxResult.Closed)
            {
                return false;
            }

            if (result == VkInboxResult.Duplicate)
            {
                logger.DuplicateDropped(incoming.DeliveryId);
            }
        }

        return true;
    }

    /// <summary>The ts to poll from next, saved when it moved.</summary>
    private async Task<string?> MoveAsync(string stream, string? current, string? next)
    {
        if (next is null || next == current)
        {
            return current;
        }

        await received.SavePositionAsync(stream, next);
        return next;
    }

    private TimeSpan Pause(int failures)
    {
        var pause = options.Value.RetryDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return pause < MaxPause ? pause : MaxPause;
    }
}
