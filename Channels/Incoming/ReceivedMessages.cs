using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Incoming;

/// <summary>
/// Keeps what a messenger was told was received until its turn is done (<see cref="IReceivedMessageStore"/>), so a host that
/// stops, is redeployed or dies mid-outage does not lose it. This host's leases are renewed by <see cref="ReceivedMessageRecovery"/>.
/// The payload is the messenger's own, unmasked: it is deleted as soon as the turn is done or given up.
/// </summary>
public sealed class ReceivedMessages(DialogStores stores, TimeProvider time)
{
    /// <summary>How long a kept message stays with this host without a renewal; after that another host (or this one restarted) takes it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(90);

    private IReceivedMessageStore Store => stores.ReceivedMessages;

    /// <summary>This process's name on its leases.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Keeps a message before the messenger is told it arrived; false when it is kept already (a redelivery).</summary>
    public Task<bool> KeepAsync(string channel, string id, string payload, CancellationToken cancellationToken) =>
        Store.AddAsync(new ReceivedMessage(channel, id, payload), Owner, time.GetUtcNow() + Lease, cancellationToken);

    /// <summary>The message's turn is done (or given up on): it is no longer kept.</summary>
    public Task DoneAsync(string channel, string id, CancellationToken cancellationToken) => Store.RemoveAsync(channel, id, cancellationToken);

    internal Task RenewAsync(CancellationToken cancellationToken) => Store.RenewAsync(Owner, time.GetUtcNow() + Lease, cancellationToken);

    internal Task ReleaseAsync(CancellationToken cancellationToken) => Store.ReleaseAsync(Owner, cancellationToken);

    internal Task<IReadOnlyList<ReceivedMessage>> TakeOverAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Store.ClaimExpiredAsync(channel, Owner, now, now + Lease, max, cancellationToken);
    }
}
