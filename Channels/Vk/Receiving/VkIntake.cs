using Assistant.Channels.Incoming;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Takes an event from either receiver (callback or long poll): keeps it until processed (<see cref="ReceivedMessages"/>), then
/// queues it in the <see cref="VkInbox"/>.
/// </summary>
public sealed class VkIntake(VkInbox inbox, ReceivedMessages received)
{
    public async Task<VkInboxResult> AcceptAsync(VkUpdate update, VkIncoming incoming)
    {
        var kept = await received.KeepAsync(VkChannel.Name, incoming.DeliveryId, VkReceivedReplay.Serialize(update));
        if (kept == KeepResult.AlreadyKept)
        {
            return VkInboxResult.Duplicate;
        }

        var result = inbox.Post(incoming);
        if (result != VkInboxResult.Accepted && kept == KeepResult.Kept)
        {
            // Not queued (stopping, or processed moments ago): VK's redelivery or the next start decides, not this copy.
            await received.DoneAsync(VkChannel.Name, incoming.DeliveryId);
        }

        return result;
    }
}
