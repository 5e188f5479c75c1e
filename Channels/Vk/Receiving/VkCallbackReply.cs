namespace Assistant.Channels.Vk.Receiving;

/// <summary>What the callback endpoint answers VK: a status code and a plain-text body.</summary>
public sealed record VkCallbackReply(int StatusCode, string Body)
{
    /// <summary>VK wants exactly "ok" for every event it should not send again.</summary>
    public static VkCallbackReply Ok { get; } = new(200, "ok");

    public static VkCallbackReply Forbidden { get; } = new(403, "forbidden");

    /// <summary>Stopping: VK treats it as a failure and sends the event again later.</summary>
    public static VkCallbackReply Unavailable { get; } = new(503, "unavailable");

    public static VkCallbackReply Confirm(string confirmation) => new(200, confirmation);
}
