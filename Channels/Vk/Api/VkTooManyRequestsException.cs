namespace Assistant.Channels.Vk.Api;

/// <summary>Error 6: more calls per second than the token may make; retried after a pause.</summary>
public sealed class VkTooManyRequestsException : VkApiException
{
    internal VkTooManyRequestsException(string method, int code, string reason)
        : base(method, code, reason, isTransient: true)
    {
    }
}
