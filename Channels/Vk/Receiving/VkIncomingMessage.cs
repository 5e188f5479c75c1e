namespace Assistant.Channels.Vk.Receiving;

/// <summary>message_new: text, a text button's payload, or attachments only.</summary>
public sealed record VkIncomingMessage(
    string DeliveryId,
    string MessageId,
    long PeerId,
    long FromId,
    long ConversationMessageId,
    string? Text,
    string? Payload,
    bool HasAttachments,
    VkButtonSupport Support) : VkIncoming(DeliveryId, MessageId, PeerId)
{
    /// <summary>Not printed: the text is personal data.</summary>
    public override string ToString() => $"VK message {MessageId}";
}
