using System.Collections.Concurrent;

namespace Assistant.Channels.Vk;

/// <summary>
/// Remembers, per person, the buttons their VK app reported with their last message, so replies use keyboards it can show.
/// Unknown people get callback buttons (every current VK app has them).
/// </summary>
public sealed class VkClientCapabilities
{
    private readonly ConcurrentDictionary<long, VkButtonSupport> _support = new();

    public VkButtonSupport Of(long peerId) => _support.GetValueOrDefault(peerId, VkButtonSupport.Callback);

    public void Remember(long peerId, VkButtonSupport support)
    {
        if (support == VkButtonSupport.Callback)
        {
            _support.TryRemove(peerId, out _);
        }
        else
        {
            _support[peerId] = support;
        }
    }
}
