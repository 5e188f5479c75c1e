using System.Text.Json;
using Assistant.Dialogs.Activities;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// A transcript message on its way to a VK dialog, as kept until VK has it (<see cref="VkChannelSender"/>): what is needed to send
/// it again from another host. Sent again, it carries the same random_id, so VK does not show it twice.
/// </summary>
public sealed record VkOutgoing(long PeerId, string ConversationId, long Sequence, string Text, IReadOnlyList<QuickReply> Buttons)
{
    /// <summary>The kept rows' channel name: apart from the received events ("vk"), which are replayed through the engine.</summary>
    public const string Channel = "vk-out";

    /// <summary>The kept row's id: one transcript message to one dialog.</summary>
    public string Id => $"{PeerId}/{ConversationId}#{Sequence}";

    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>Null when the payload is not one (written by another version, or damaged).</summary>
    public static VkOutgoing? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<VkOutgoing>(payload) is { Text: not null, ConversationId: not null } outgoing
                ? outgoing with { Buttons = outgoing.Buttons ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
