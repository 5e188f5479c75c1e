using System.Globalization;
using System.Text.Json;

namespace Assistant.Channels.Vk.Api;

/// <summary>
/// messages.send to one person. <paramref name="RandomId"/> makes the call idempotent: VK sends a message with a given
/// random_id once, so a retry after a lost answer does not post it twice. The answer is the new message's id.
/// </summary>
public sealed record SendMessageRequest(long PeerId, long RandomId, string Message, VkKeyboard? Keyboard) : VkRequest<long>
{
    /// <summary>VK's limit on the text of one message.</summary>
    public const int MaxLength = 9000;

    public override string Method => "messages.send";

    public override IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        yield return new("peer_id", PeerId.ToString(CultureInfo.InvariantCulture));
        yield return new("random_id", RandomId.ToString(CultureInfo.InvariantCulture));
        yield return new("message", Message);
        if (Keyboard is not null)
        {
            yield return new("keyboard", JsonSerializer.Serialize(Keyboard, VkJson.Options));
        }
    }

    /// <summary>Message text is personal data: kept out of logs and exception messages.</summary>
    public override string ToString() => $"messages.send to {PeerId} ({Message.Length} characters, random_id {RandomId})";
}
