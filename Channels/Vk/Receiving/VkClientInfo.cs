namespace Assistant.Channels.Vk.Receiving;

/// <summary>client_info of message_new: what the person's app can show.</summary>
public sealed record VkClientInfo
{
    public IReadOnlyList<string>? ButtonActions { get; init; }

    public bool Keyboard { get; init; }

    public bool InlineKeyboard { get; init; }

    public VkButtonSupport Support => !InlineKeyboard
        ? VkButtonSupport.NoInline
        : ButtonActions?.Contains("callback", StringComparer.Ordinal) == false ? VkButtonSupport.Text : VkButtonSupport.Callback;
}
