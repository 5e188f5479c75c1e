using System.Globalization;

namespace Assistant.Channels.Vk.Api;

/// <summary>groups.getLongPollServer: a Bots Long Poll session (server, key, ts) for the community.</summary>
public sealed record GetLongPollServerRequest(long GroupId) : VkRequest<VkLongPollServer>
{
    public override string Method => "groups.getLongPollServer";

    public override IEnumerable<KeyValuePair<string, string>> Parameters() =>
        [new("group_id", GroupId.ToString(CultureInfo.InvariantCulture))];
}
