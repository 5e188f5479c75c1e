namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// One answer of the long-poll server: events and the ts to ask with next, or <see cref="Failed"/>: 1 (history outdated,
/// go on with the new ts), 2 (the key expired), 3 (key and ts lost).
/// </summary>
public sealed record VkLongPollResponse(string? Ts, IReadOnlyList<VkUpdate> Updates, int? Failed);
