using Assistant.Channels.Incoming;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Telegram;

/// <summary>
/// The engine's way out to Telegram: bot answers, operator replies and the rating prompt go to the chat whose id is the
/// conversation's user id. Queued in the outbox, so the turn does not wait for Telegram's pace; kept in the store until
/// Telegram has it (<see cref="ReceivedMessages.KeepOutgoingAsync"/>), so a host that dies with replies still queued does not
/// lose them: another host (or this one restarted) sends them (<see cref="TelegramOutgoingReplay"/>).
/// </summary>
public sealed class TelegramSender(TelegramOutbox outbox, ReceivedMessages kept, ILogger<TelegramSender> logger) : IChannelSender
{
    public string Channel => TelegramChannel.Name;

    public async Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reference = $"{message.ConversationId}#{message.Sequence}";
        if (!TelegramChannel.TryParseChatId(to.UserId, out var chatId))
        {
            logger.NotAChat(reference, to.UserId);
            return;
        }

        var outgoing = new TelegramOutgoing(chatId, message.Text, message.Buttons, reference);
        var keep = await kept.KeepOutgoingAsync(TelegramOutgoing.Channel, outgoing.Id, outgoing.Serialize());
        if (keep == KeepResult.AlreadyKept)
        {
            // The same transcript message is on its way already.
            return;
        }

        // Not kept (the store is away): sent from memory only.
        outbox.EnqueueMessage(chatId, message.Text, message.Buttons, reference,
            keep == KeepResult.Kept ? new KeptReply(kept, TelegramOutgoing.Channel, outgoing.Id) : null);
    }
}
