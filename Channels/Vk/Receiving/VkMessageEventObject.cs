using System.Text.Json;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>The object of message_event: a press of a callback button.</summary>
public sealed record VkMessageEventObject
{
    public long UserId { get; init; }

    public long PeerId { get; init; }

    /// <summary>The press's id for messages.sendMessageEventAnswer; valid for a minute.</summary>
    public string? EventId { get; init; }

    /// <summary>The button's payload as a JSON object.</summary>
    public JsonElement? Payload { get; init; }

    public long ConversationMessageId { get; init; }
}
