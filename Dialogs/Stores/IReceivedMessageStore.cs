namespace Assistant.Dialogs.Stores;

/// <summary>One message a channel was told was received, kept as the channel delivered it until it has been processed.</summary>
/// <param name="Channel">The channel's name ("telegram", "vk").</param>
/// <param name="Id">What a redelivery of the same message repeats (Telegram's update_id, VK's event_id).</param>
/// <param name="Payload">The channel's own serialised form, secrets removed.</param>
public sealed record ReceivedMessage(string Channel, string Id, string Payload);

/// <summary>
/// Messages received and acknowledged to the channel but not yet processed, so that a host that stops or dies does not lose
/// them. Each is leased to the host processing it; the host renews its leases while it runs, and a message whose lease ran out
/// is taken over by whichever host asks next (after a restart, the same host). Leases compare the hosts' clocks, which must
/// agree to within seconds (NTP).
/// </summary>
public interface IReceivedMessageStore
{
    /// <summary>Keeps the message, leased to <paramref name="owner"/>; false when it is already kept (a redelivery).</summary>
    Task<bool> AddAsync(ReceivedMessage message, string owner, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Forgets a processed message (or one given up on).</summary>
    Task RemoveAsync(string channel, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Extends <paramref name="owner"/>'s leases on the given messages of <paramref name="channel"/>: the ones it still holds in
    /// memory. A row it owns but lost (its keep failed half-way) is not renewed, runs out and is taken over.
    /// </summary>
    Task RenewAsync(string owner, string channel, IReadOnlyCollection<string> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Ends every lease <paramref name="owner"/> holds at once (a host stopping), so they are taken over without waiting.</summary>
    Task ReleaseAsync(string owner, CancellationToken cancellationToken);

    /// <summary>Where a channel's event stream was last read (VK long poll's ts), so a restart goes on from there; null when never saved.</summary>
    Task<string?> GetPositionAsync(string stream, CancellationToken cancellationToken);

    Task SetPositionAsync(string stream, string position, CancellationToken cancellationToken);

    /// <summary>How many messages of <paramref name="channel"/> are kept.</summary>
    Task<int> CountAsync(string channel, CancellationToken cancellationToken);

    /// <summary>Deletes the messages received before <paramref name="before"/>, whatever their lease (a channel since switched off); returns how many.</summary>
    Task<int> ForgetReceivedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> messages of <paramref name="channel"/> whose lease ended before <paramref name="now"/>,
    /// leasing them to <paramref name="owner"/>; in the order they were received. Two hosts asking at once never get the same one.
    /// </summary>
    Task<IReadOnlyList<ReceivedMessage>> ClaimExpiredAsync(
        string channel, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);
}
