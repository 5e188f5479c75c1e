using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Takes one webhook call: checks the secret before reading anything, reads the update and queues it. It never processes the
/// update itself: a slow answer would make Telegram deliver it again.
/// </summary>
public sealed class TelegramWebhookReceiver(TelegramUpdateQueue queue, IOptions<TelegramOptions> options, ILogger<TelegramWebhookReceiver> logger)
{
    public async Task<TelegramWebhookOutcome> ReceiveAsync(string? secret, Stream body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret))
        {
            logger.WebhookRefused("no secret header");
            return TelegramWebhookOutcome.MissingSecret;
        }

        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? string.Empty);
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), expected))
        {
            logger.WebhookRefused("wrong secret");
            return TelegramWebhookOutcome.WrongSecret;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            logger.WebhookRefused("not an update");
            return TelegramWebhookOutcome.NotAnUpdate;
        }

        if (!queue.TryEnqueue(update))
        {
            logger.QueueFull(update.Id);
            return TelegramWebhookOutcome.Busy;
        }

        return TelegramWebhookOutcome.Accepted;
    }
}
