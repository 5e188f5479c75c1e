namespace Assistant.Channels.Vk.Api;

/// <summary>Errors 7, 15, 27, 28, 203, 917: the token or community lacks a right (e.g. messages, bot features).</summary>
public sealed class VkPermissionException : VkApiException
{
    internal VkPermissionException(string method, int code, string reason)
        : base(method, code, reason, isTransient: false)
    {
    }
}
