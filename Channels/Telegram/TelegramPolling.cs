using System.Globalization;
using Assistant.Channels.Incoming;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Long polling (Telegram:Mode = polling): getUpdates with the offset after the last update received, which also confirms
/// everything before it to Telegram. An update_id already received is skipped, whatever the server sends. Failures back off
/// (1 s doubling to a minute, or what a 429 asks).
/// </summary>
public sealed class TelegramPolling(
    ITelegramBotClient bot,
    TelegramUpdateQueue queue,
    ReceivedMessages received,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPolling> logger)
    : BackgroundService
{
    /// <summary>Only what the bot handles, so Telegram does not queue the rest for it.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Mode != TelegramMode.Polling)
        {
            return;
        }

        int? lastReceived = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(lastReceived + 1, 100, options.Value.PollingTimeoutSeconds, AllowedUpdates, stoppingToken);
                failures = 0;
                foreach (var update in updates.OrderBy(u => u.Id))
                {
                    if (update.Id <= lastReceived)
                    {
                        logger.UpdateSeen(update.Id);
                        continue;
                    }

                    // Kept before the next getUpdates confirms it to Telegram.
                    var id = update.Id.ToString(CultureInfo.InvariantCulture);
                    if (await received.KeepAsync(TelegramChannel.Name, id, TelegramReceivedReplay.Serialize(update)) != KeepResult.AlreadyKept)
                    {
                        await queue.EnqueueAsync(update, stoppingToken);
                    }
                    else
                    {
                        logger.UpdateSeen(update.Id);
                    }

                    lastReceived = update.Id;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                if (e is ApiRequestException { ErrorCode: 409 })
                {
                    logger.PollConflict();
                }

                var delay = TelegramFailures.RetryAfter(e) ?? TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
                logger.PollFailed(e, failures, delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
