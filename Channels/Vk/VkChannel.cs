namespace Assistant.Channels.Vk;

/// <summary>The VK channel's name in activities and conversation keys, and its callback address.</summary>
public static class VkChannel
{
    public const string Name = "vk";

    public const string CallbackRoute = "/channels/vk/callback";
}
