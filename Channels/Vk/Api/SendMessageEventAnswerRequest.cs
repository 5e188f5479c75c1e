using System.Globalization;
using System.Text.Json;

namespace Assistant.Channels.Vk.Api;

/// <summary>
/// messages.sendMessageEventAnswer: tells the person's app that a callback press was handled, so the button stops spinning;
/// optionally with a snackbar. VK accepts it within a minute of the press.
/// </summary>
public sealed record SendMessageEventAnswerRequest(string EventId, long UserId, long PeerId, VkEventData? Data) : VkRequest<int>
{
    public override string Method => "messages.sendMessageEventAnswer";

    public override IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        yield return new("event_id", EventId);
        yield return new("user_id", UserId.ToString(CultureInfo.InvariantCulture));
        yield return new("peer_id", PeerId.ToString(CultureInfo.InvariantCulture));
        if (Data is not null)
        {
            yield return new("event_data", JsonSerializer.Serialize(Data, VkJson.Options));
        }
    }
}
