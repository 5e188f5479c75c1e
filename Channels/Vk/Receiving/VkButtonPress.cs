namespace Assistant.Channels.Vk.Receiving;

/// <summary>message_event: a callback button was pressed; <paramref name="EventId"/> answers it.</summary>
public sealed record VkButtonPress(
    string DeliveryId,
    string MessageId,
    long PeerId,
    long UserId,
    string EventId,
    string? Payload) : VkIncoming(DeliveryId, MessageId, PeerId);
