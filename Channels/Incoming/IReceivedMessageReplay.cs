using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Incoming;

/// <summary>A channel's way back into its processing queue for a kept message taken over after a stop or a host's death.</summary>
public interface IReceivedMessageReplay
{
    /// <summary>The channel whose kept messages this replays ("telegram", "vk").</summary>
    string Channel { get; }

    /// <summary>Queues the message for its turn; false when the payload cannot be read (it is then dropped).</summary>
    ValueTask<bool> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken);
}
