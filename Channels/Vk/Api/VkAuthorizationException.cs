namespace Assistant.Channels.Vk.Api;

/// <summary>Error 5: the access token is wrong or revoked; nothing works until it is replaced.</summary>
public sealed class VkAuthorizationException : VkApiException
{
    internal VkAuthorizationException(string method, int code, string reason)
        : base(method, code, reason, isTransient: false)
    {
    }
}
