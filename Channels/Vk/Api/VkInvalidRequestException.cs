namespace Assistant.Channels.Vk.Api;

/// <summary>Errors 8, 100, 911–914 and HTTP 4xx: the call itself is wrong (a parameter, the keyboard, the length); a retry would fail the same way.</summary>
public sealed class VkInvalidRequestException : VkApiException
{
    internal VkInvalidRequestException(string method, int code, string reason)
        : base(method, code, reason, isTransient: false)
    {
    }
}
