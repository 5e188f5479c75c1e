using Assistant.Channels.Incoming;
using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// Sends a kept reply that a stopped or dead host (or a VK outage longer than the client's retries) left unsent. A failure
/// leaves it kept, to be tried again when its lease runs out; the same random_id keeps VK from showing it twice.
/// </summary>
public sealed class VkOutgoingReplay(VkChannelSender sender) : IReceivedMessageReplay
{
    public string Channel => VkOutgoing.Channel;

    public async ValueTask<ReplayOutcome> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (VkOutgoing.Read(message.Payload) is not { } outgoing)
        {
            return ReplayOutcome.Unreadable;
        }

        // A failure is thrown: the recovery logs it and lets the reply's lease run out, so it is tried again later.
        await sender.DeliverAsync(outgoing, cancellationToken);
        return ReplayOutcome.AlreadyHandled;
    }
}
