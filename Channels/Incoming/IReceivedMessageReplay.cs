using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Incoming;

/// <summary>A channel's way back into its processing queue for a kept message taken over after a stop or a host's death.</summary>
public interface IReceivedMessageReplay
{
    /// <summary>The channel whose kept messages this replays ("telegram", "vk").</summary>
    string Channel { get; }

    ValueTask<ReplayOutcome> ReplayAsync(ReceivedMessage message, CancellationToken cancellationToken);
}

public enum ReplayOutcome
{
    /// <summary>In the queue for its turn.</summary>
    Queued,

    /// <summary>This process has processed it already (its deletion failed): it is forgotten.</summary>
    AlreadyHandled,

    /// <summary>The payload cannot be read: it is dropped and logged.</summary>
    Unreadable,

    /// <summary>Not taken now (the channel is stopping): its lease runs out and it is taken over later.</summary>
    Refused,
}
