namespace Assistant.Channels.Vk.Api;

/// <summary>Error 9: too many identical actions (e.g. messages to one person); retried after a longer pause.</summary>
public sealed class VkFloodControlException : VkApiException
{
    internal VkFloodControlException(string method, int code, string reason)
        : base(method, code, reason, isTransient: true)
    {
    }
}
