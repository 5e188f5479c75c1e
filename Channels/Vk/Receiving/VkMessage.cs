using System.Text.Json;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>The message object of message_new (the fields we use).</summary>
public sealed record VkMessage
{
    public long Id { get; init; }

    public long PeerId { get; init; }

    public long FromId { get; init; }

    public long ConversationMessageId { get; init; }

    public string? Text { get; init; }

    /// <summary>A text button's payload: a JSON text, e.g. <c>{"command":"start"}</c>.</summary>
    public string? Payload { get; init; }

    public JsonElement? Attachments { get; init; }

    public bool HasAttachments => Attachments is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0;
}
