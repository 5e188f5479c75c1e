namespace Assistant.Channels.Vk;

/// <summary>How events reach the assistant: VK posts them to our endpoint, or we fetch them from VK's long-poll server.</summary>
public enum VkMode
{
    /// <summary>Callback API: VK posts every event to POST /channels/vk/callback (needs a public HTTPS address).</summary>
    Callback,

    /// <summary>Bots Long Poll API: the host asks VK for events; for development and hosts without a public address.</summary>
    LongPoll,
}
