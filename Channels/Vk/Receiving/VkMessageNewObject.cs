namespace Assistant.Channels.Vk.Receiving;

/// <summary>The object of message_new since API 5.103: the message and what the sender's app supports.</summary>
public sealed record VkMessageNewObject
{
    public VkMessage? Message { get; init; }

    public VkClientInfo? ClientInfo { get; init; }
}
