namespace Assistant.Channels.Vk;

/// <summary>What a person's VK app can show under a message, as it reports in client_info.</summary>
public enum VkButtonSupport
{
    /// <summary>Inline keyboards with callback buttons: a press comes back as message_event, nothing is posted in the chat.</summary>
    Callback,

    /// <summary>Inline keyboards, but only text buttons: a press comes back as a message with the button's payload.</summary>
    Text,

    /// <summary>No inline keyboards: a one-time keyboard under the input field instead.</summary>
    NoInline,
}
