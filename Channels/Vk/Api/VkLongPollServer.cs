using System.Text.Json.Serialization;

namespace Assistant.Channels.Vk.Api;

/// <summary>The answer of groups.getLongPollServer: where to poll, the session key and the number of the last event.</summary>
public sealed record VkLongPollServer(
    string Server,
    string Key,
    [property: JsonConverter(typeof(VkStringOrNumberConverter))] string Ts);
