using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// At start, in the background (the app starts even while Telegram is unreachable): learns who the bot is (getMe), sets the
/// command menu (setMyCommands) and, in webhook mode with Telegram:WebhookUrl, registers the webhook with its secret.
/// Tries again with back-off until it succeeds; stops for good if Telegram refuses the token.
/// </summary>
public sealed class TelegramBotSetup(
    ITelegramBotClient bot, TelegramBotIdentity identity, TelegramPhrases phrases, IOptions<TelegramOptions> options, TimeProvider time,
    ILogger<TelegramBotSetup> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await SetUpAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                // 401 for a revoked token; 404 for one that never existed.
                logger.SetupRefused(e.ErrorCode);
                return;
            }
            catch (Exception e)
            {
                var delay = TelegramFailures.RetryAfter(e) ?? TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempt)));
                logger.SetupFailed(e, attempt, delay);
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

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        if (identity.Current is null)
        {
            identity.Set(await bot.GetMe(cancellationToken));
        }

        var me = identity.Current!;
        await bot.SetMyCommands(
        [
            new BotCommand("start", phrases.Commands.Start),
            new BotCommand("help", phrases.Commands.Help),
            new BotCommand("operator", phrases.Commands.Operator),
        ], cancellationToken: cancellationToken);
        logger.Connected(me.Username, me.Id);

        var settings = options.Value;
        if (settings.Mode == TelegramMode.Webhook && !string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            await bot.SetWebhook(settings.WebhookUrl, allowedUpdates: TelegramPolling.AllowedUpdates, secretToken: settings.WebhookSecret,
                cancellationToken: cancellationToken);
            logger.WebhookRegistered();
        }
    }
}
