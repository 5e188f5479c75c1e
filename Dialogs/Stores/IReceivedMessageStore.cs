namespace Assistant.Dialogs.Stores;

/// <summary>One message a channel was told was received, kept as the channel delivered it until it has been processed.</summary>
/// <param name="Channel">The channel's name ("telegram", "vk").</param>
/// <param name="Id">What a redelivery of the same message repeats (Telegram's update_id, VK's event_id).</param>
/// <param name="Payload">The channel's own serialised form, secrets removed.</param>
public sealed record ReceivedMessage(string Channel, string Id, string Payload);

/// <summary>
/// Messages received and acknowledged to the channel but not yet processed, so that a host that stops or dies does not lose
/// them. Each is leased to the host processing it; the host renews its leases while it runs, and a message whose lease ran out
/// is taken over by whichever host asks next (after a restart, the same host).
/// </summary>
public interface IReceivedMessageStore
{
    /// <summary>Keeps the message, leased to <paramref name="owner"/>; false when it is already kept (a redelivery).</summary>
    Task<bool> AddAsync(ReceivedMessage message, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Forgets a processed message (or one given up on).</summary>
    Task RemoveAsync(string channel, string id, CancellationToken cancellationToken);

    /// <summary>Extends every lease <paramref name="owner"/> holds.</summary>
    Task RenewAsync(string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Ends every lease <paramref name="owner"/> holds at once (a host stopping), so they are taken over without waiting.</summary>
    Task ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> messages of <paramref name="channel"/> whose lease ended before <paramref name="now"/>,
    /// leasing them to <paramref name="owner"/>; in the order they were received. Two hosts asking at once never get the same one.
    /// </summary>
    Task<IReadOnlyList<ReceivedMessage>> ClaimExpiredAsync(
        string channel, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);
}
