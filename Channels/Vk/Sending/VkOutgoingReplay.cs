using Assistant.Channels.Incoming;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// Sends a kept reply that a stopped or dead host (or a VK outage longer than the client's retries) left unsent. It is sent in
/// the background, a few at a time, so the recovery round that took it over goes on renewing this host's other leases while VK
/// is slow; while in flight the reply is held (and renewed) by this host. A failure leaves it kept, to be tried again when its
/// lease runs out; the same random_id keeps VK from showing it twice.
/// </summary>
public sealed class VkOutgoingReplay(VkChannelSender sender, ReceivedMessages kept, ILogger<VkOutgoingReplay> logger) : IReceivedMessageReplay
{
    private const int AtOnce = 2;

    private readonly SemaphoreSlim _slots = new(AtOnce);

    public string Channel => VkOutgoing.Channel;

    public ValueTask<ReplayOutcome> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (VkOutgoing.Read(message.Payload) is not { } outgoing)
        {
            return ValueTask.FromResult(ReplayOutcome.Unreadable);
        }

        var reply = new KeptReply(kept, VkOutgoing.Channel, message.Id);
        _ = Task.Run(() => SendAsync(outgoing, reply, cancellationToken), CancellationToken.None);
        return ValueTask.FromResult(ReplayOutcome.Queued);
    }

    private async Task SendAsync(VkOutgoing outgoing, KeptReply reply, CancellationToken cancellationToken)
    {
        try
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                await sender.DeliverAsync(outgoing, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }

            await reply.SentAsync();
        }
        catch (Exception e)
        {
            if (e is not OperationCanceledException)
            {
                logger.ReplyPutOff(e, outgoing.ConversationId, outgoing.Sequence);
            }

            reply.TryLater();
        }
    }
}
