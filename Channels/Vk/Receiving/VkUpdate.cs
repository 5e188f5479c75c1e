using System.Text.Json;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// One community event as both the Callback API and Bots Long Poll deliver it:
/// <c>{"type": …, "object": {…}, "group_id": …, "event_id": …, "v": …}</c>, plus "secret" in the Callback API.
/// </summary>
public sealed record VkUpdate
{
    public string? Type { get; init; }

    public JsonElement Object { get; init; }

    public long GroupId { get; init; }

    /// <summary>The event's id; a redelivery of the same event carries the same one.</summary>
    public string? EventId { get; init; }

    /// <summary>The Callback API secret key; absent in long poll.</summary>
    public string? Secret { get; init; }

    /// <summary>Not printed: the secret must never reach a log.</summary>
    public override string ToString() => $"VK {Type} event {EventId} of group {GroupId}";
}
