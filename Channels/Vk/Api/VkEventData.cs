namespace Assistant.Channels.Vk.Api;

/// <summary>What the person's app does when a callback press is answered: here, a short snackbar (at most 90 characters).</summary>
public sealed record VkEventData(string Type, string Text)
{
    public static VkEventData Snackbar(string text) => new("show_snackbar", text);
}
