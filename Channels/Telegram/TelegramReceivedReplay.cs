using System.Text.Json;
using Assistant.Channels.Incoming;
using Assistant.Dialogs.Stores;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>Puts a kept Telegram update, taken over after a stop, back into the update queue.</summary>
public sealed class TelegramReceivedReplay(TelegramUpdateQueue queue) : IReceivedMessageReplay
{
    public string Channel => TelegramChannel.Name;

    public static string Serialize(Update update) => JsonSerializer.Serialize(update, JsonBotAPI.Options);

    public async ValueTask<ReplayOutcome> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(message.Payload, JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            return ReplayOutcome.Unreadable;
        }

        if (update is null)
        {
            return ReplayOutcome.Unreadable;
        }

        // A turn that had already finished is recognised by the engine's de-duplication.
        await queue.EnqueueAsync(update, cancellationToken);
        return ReplayOutcome.Queued;
    }
}
