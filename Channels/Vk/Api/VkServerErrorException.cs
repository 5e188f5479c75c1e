namespace Assistant.Channels.Vk.Api;

/// <summary>VK's own failure: errors 1 and 10, an HTTP 5xx or an unreadable answer; retried.</summary>
public sealed class VkServerErrorException : VkApiException
{
    internal VkServerErrorException(string method, int code, string reason)
        : base(method, code, reason, isTransient: true)
    {
    }
}
