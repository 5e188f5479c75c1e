using System.Globalization;
using Assistant.Channels.Incoming;
using Assistant.Channels.Vk.Api;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// The engine's way out to VK: every bot, operator and system message goes to the person's dialog with the community
/// (the user id is the peer id) as plain text, cut into messages of at most 9000 characters, with the quick replies as
/// a keyboard under the last one. A refusal VK will repeat (blocked, no permission) is logged and the rest of the message
/// dropped; transient failures are retried by the client and, when they persist, reported to the engine. Each message is kept
/// in the store until VK has it (<see cref="ReceivedMessages.KeepOutgoingAsync"/>): one that a host dying or stopping, or a
/// VK outage, left unsent is sent later by whichever host takes it over (<see cref="VkOutgoingReplay"/>).
/// </summary>
public sealed class VkChannelSender(VkApiClient api, VkClientCapabilities clients, ReceivedMessages kept, ILogger<VkChannelSender> logger) : IChannelSender
{
    public string Channel => VkChannel.Name;

    public async Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        if (!long.TryParse(to.UserId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var peerId))
        {
            logger.NotAPeer(message.ConversationId, message.Sequence);
            return;
        }

        var outgoing = new VkOutgoing(peerId, message.ConversationId, message.Sequence, message.Text, message.Buttons);
        var keep = await kept.KeepOutgoingAsync(VkOutgoing.Channel, outgoing.Id, outgoing.Serialize());
        if (keep == KeepResult.AlreadyKept)
        {
            // The same transcript message is on its way already.
            return;
        }

        var reply = keep == KeepResult.Kept ? new KeptReply(kept, VkOutgoing.Channel, outgoing.Id) : null;
        try
        {
            await DeliverAsync(outgoing, cancellationToken);
        }
        catch
        {
            // Still kept: its lease runs out and it is sent again by whichever host takes it over.
            reply?.TryLater();
            throw;
        }

        await (reply?.SentAsync() ?? Task.CompletedTask);
    }

    /// <summary>Sends the message's parts; returns when VK has them all or refused one for good, throws when retries are spent.</summary>
    internal async Task DeliverAsync(VkOutgoing message, CancellationToken cancellationToken)
    {
        var parts = VkMessageSplitter.Split(VkPlainText.FromMarkdown(message.Text), SendMessageRequest.MaxLength);
        var keyboard = VkKeyboardBuilder.Build(message.Buttons, clients.Of(message.PeerId));
        for (var part = 0; part < parts.Count; part++)
        {
            var request = new SendMessageRequest(message.PeerId, VkRandomId.For(message.ConversationId, message.Sequence, part), parts[part],
                part == parts.Count - 1 ? keyboard : null);
            try
            {
                await api.SendAsync(request, cancellationToken);
            }
            catch (VkApiException e) when (!e.IsTransient)
            {
                logger.DeliveryRefused(message.ConversationId, message.Sequence, e.Code, e.Reason);
                ChannelMetrics.Failed("vk");
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Retries are spent: the engine's delivery records the failure; the count is for the dashboard.
                ChannelMetrics.Failed("vk");
                throw;
            }
        }
    }
}
