using System.Globalization;
using System.Text.Json;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Reads the events the assistant acts on (message_new, message_event) out of an update; everything else (our own
/// message_reply echoes, typing, joins) and anything malformed reads as null and is acknowledged without processing.
/// </summary>
public static class VkUpdateReader
{
    public const string MessageNew = "message_new";
    public const string MessageEvent = "message_event";
    public const string Confirmation = "confirmation";

    public static VkIncoming? Read(VkUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Object.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            return update.Type switch
            {
                MessageNew => ReadMessage(update),
                MessageEvent => ReadPress(update),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static VkIncomingMessage? ReadMessage(VkUpdate update)
    {
        var body = update.Object.Deserialize<VkMessageNewObject>(VkJson.Options);
        if (body?.Message is not { PeerId: not 0 } message)
        {
            return null;
        }

        // peer_id and conversation_message_id name the message the same way in both delivery modes and on every redelivery.
        var messageId = "m:" + Invariant(message.PeerId) + ":" + Invariant(message.ConversationMessageId != 0 ? message.ConversationMessageId : message.Id);
        return new VkIncomingMessage(update.EventId ?? messageId, messageId, message.PeerId, message.FromId, message.ConversationMessageId,
            message.Text, message.Payload, message.HasAttachments, body.ClientInfo?.Support ?? VkButtonSupport.Callback);
    }

    private static VkButtonPress? ReadPress(VkUpdate update)
    {
        var press = update.Object.Deserialize<VkMessageEventObject>(VkJson.Options);
        if (press is not { PeerId: not 0, UserId: not 0, EventId.Length: > 0 })
        {
            return null;
        }

        var messageId = "e:" + press.EventId;
        return new VkButtonPress(update.EventId ?? messageId, messageId, press.PeerId, press.UserId, press.EventId, VkButtonPayload.Decode(press.Payload));
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
