namespace Assistant.Channels.Vk.Api;

/// <summary>Errors 900, 901, 902: this person cannot get messages from the community (blocked it, never allowed messages, privacy).</summary>
public sealed class VkRecipientUnavailableException : VkApiException
{
    internal VkRecipientUnavailableException(string method, int code, string reason)
        : base(method, code, reason, isTransient: false)
    {
    }
}
