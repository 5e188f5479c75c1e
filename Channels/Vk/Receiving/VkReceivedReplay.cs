using System.Text.Json;
using Assistant.Channels.Incoming;
using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>Puts a kept VK event, taken over after a stop, back into the <see cref="VkInbox"/>.</summary>
public sealed class VkReceivedReplay(VkInbox inbox) : IReceivedMessageReplay
{
    public string Channel => VkChannel.Name;

    /// <summary>The event as VK sent it, without the Callback API secret (it must not be stored).</summary>
    public static string Serialize(VkUpdate update) => JsonSerializer.Serialize(update with { Secret = null }, VkJson.Options);

    public ValueTask<ReplayOutcome> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        VkUpdate? update;
        try
        {
            update = JsonSerializer.Deserialize<VkUpdate>(message.Payload, VkJson.Options);
        }
        catch (JsonException)
        {
            return ValueTask.FromResult(ReplayOutcome.Unreadable);
        }

        if (update is null || VkUpdateReader.Read(update) is not { } incoming)
        {
            return ValueTask.FromResult(ReplayOutcome.Unreadable);
        }

        return ValueTask.FromResult(inbox.Post(incoming) switch
        {
            VkInboxResult.Accepted => ReplayOutcome.Queued,
            VkInboxResult.Duplicate => ReplayOutcome.AlreadyHandled,
            _ => ReplayOutcome.Refused,
        });
    }
}
