using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Telegram;

/// <summary>
/// The engine's way out to Telegram: bot answers, operator replies and the rating prompt go to the chat whose id is the
/// conversation's user id. Queued in the outbox, so the turn does not wait for Telegram's pace.
/// </summary>
public sealed class TelegramSender(TelegramOutbox outbox, ILogger<TelegramSender> logger) : IChannelSender
{
    public string Channel => TelegramChannel.Name;

    public Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var reference = $"{message.ConversationId}#{message.Sequence}";
        if (TelegramChannel.TryParseChatId(to.UserId, out var chatId))
        {
            outbox.EnqueueMessage(chatId, message.Text, message.Buttons, reference);
        }
        else
        {
            logger.NotAChat(reference, to.UserId);
        }

        return Task.CompletedTask;
    }
}
