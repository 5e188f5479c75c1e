namespace Assistant.Channels.Vk.Receiving;

/// <summary>What <see cref="VkInbox.Post"/> did with an event.</summary>
public enum VkInboxResult
{
    Accepted,

    /// <summary>Already taken: a redelivery.</summary>
    Duplicate,

    /// <summary>The host is stopping and takes nothing new; VK is to deliver it again later.</summary>
    Closed,
}
