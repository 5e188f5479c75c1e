using Assistant.Channels.Incoming;
using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Sends a kept reply that a stopped or dead host had not got to Telegram: back into this host's outbox, forgotten once sent.
/// A reply in flight when its host died may reach the chat twice; none is lost.
/// </summary>
public sealed class TelegramOutgoingReplay(TelegramOutbox outbox, ReceivedMessages kept) : IReceivedMessageReplay
{
    public string Channel => TelegramOutgoing.Channel;

    public ValueTask<ReplayOutcome> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (TelegramOutgoing.Read(message.Payload) is not { } outgoing)
        {
            return ValueTask.FromResult(ReplayOutcome.Unreadable);
        }

        var queued = outbox.EnqueueMessage(outgoing.ChatId, outgoing.Text, outgoing.Buttons, outgoing.Reference,
            new KeptReply(kept, TelegramOutgoing.Channel, message.Id));
        return ValueTask.FromResult(queued ? ReplayOutcome.Queued : ReplayOutcome.Refused);
    }
}
