namespace Assistant.Channels.Vk.Receiving;

/// <summary>An event worth processing, read from a <see cref="VkUpdate"/>: a message or a button press, with the person's peer id.</summary>
/// <param name="DeliveryId">What a redelivery of the same event repeats: VK's event_id, or else an id built from the message.</param>
/// <param name="MessageId">The stable id the engine de-duplicates on (<c>Activity.MessageId</c>), the same in callback and long-poll mode.</param>
public abstract record VkIncoming(string DeliveryId, string MessageId, long PeerId);
