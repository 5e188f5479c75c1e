using System.Globalization;
using System.Security.Cryptography;
using Assistant.Channels.Incoming;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Takes one webhook call: checks the secret before reading anything, reads the update, keeps it until processed
/// (<see cref="ReceivedMessages"/>) and queues it. It never processes the update itself: a slow answer would make Telegram
/// deliver it again.
/// </summary>
public sealed class TelegramWebhookReceiver(
    TelegramUpdateQueue queue, ReceivedMessages received, IOptions<TelegramOptions> options, ILogger<TelegramWebhookReceiver> logger)
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

        var id = update.Id.ToString(CultureInfo.InvariantCulture);
        var kept = await received.KeepAsync(TelegramChannel.Name, id, TelegramReceivedReplay.Serialize(update));
        if (kept == KeepResult.AlreadyKept)
        {
            // Kept already: a redelivery of an update on its way (or left by a stopped host, to be taken over).
            logger.UpdateSeen(update.Id);
            return TelegramWebhookOutcome.Accepted;
        }

        if (!queue.TryEnqueue(update))
        {
            logger.QueueFull(update.Id);
            if (kept == KeepResult.Kept)
            {
                // Telegram delivers it again.
                await received.DoneAsync(TelegramChannel.Name, id);
            }

            return TelegramWebhookOutcome.Busy;
        }

        return TelegramWebhookOutcome.Accepted;
    }
}
