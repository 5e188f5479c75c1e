using System.Collections.Concurrent;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Channels.Incoming;

/// <summary>
/// Keeps what a messenger was told was received until its turn is done (<see cref="IReceivedMessageStore"/>), so a host that
/// stops, is redeployed or dies mid-outage does not lose it. The messages this process holds in memory are leased to it and
/// renewed by <see cref="ReceivedMessageRecovery"/>; anything else it owns runs out and is taken over.
/// The payload is the messenger's own, unmasked: it is deleted as soon as the turn is done or given up.
/// </summary>
public sealed class ReceivedMessages(DialogStores stores, TimeProvider time, ILogger<ReceivedMessages>? logger = null)
{
    /// <summary>How long a kept message stays with this host without a renewal; after that another host (or this one restarted) takes it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<(string Channel, string Id), byte> _held = new();
    private readonly ILogger _log = logger ?? NullLogger<ReceivedMessages>.Instance;

    private IReceivedMessageStore Store => stores.ReceivedMessages;

    /// <summary>This process's name on its leases.</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Keeps a message before the messenger is told it arrived. When the store cannot be reached the message is processed from
    /// memory only, as a stop would then lose it but refusing it could lose it too (VK redelivers only a few times).
    /// </summary>
    public async Task<KeepResult> KeepAsync(string channel, string id, string payload)
    {
        var result = await AddAsync(channel, id, payload);
        ChannelMetrics.Received(channel, result switch
        {
            KeepResult.Kept => "kept",
            KeepResult.AlreadyKept => "duplicate",
            _ => "not_kept",
        });
        return result;
    }

    /// <summary>
    /// Keeps a reply on its way out (the same store and leases, under a channel name of its own such as "telegram-out") until
    /// the messenger has it, so that a host dying with replies still waiting for the messenger's pace does not lose them.
    /// When the store cannot be reached the reply is sent from memory only.
    /// </summary>
    public Task<KeepResult> KeepOutgoingAsync(string channel, string id, string payload) => AddAsync(channel, id, payload);

    private async Task<KeepResult> AddAsync(string channel, string id, string payload)
    {
        try
        {
            // Not cancellable: a keep the store committed must be known here, or its row would wait for its lease to run out.
            if (!await Store.AddAsync(new ReceivedMessage(channel, id, payload), Owner, time.GetUtcNow() + Lease, CancellationToken.None))
            {
                return KeepResult.AlreadyKept;
            }
        }
        catch (Exception e)
        {
            _log.KeepFailed(e, channel, id);
            return KeepResult.NotKept;
        }

        _held[(channel, id)] = 0;
        return KeepResult.Kept;
    }

    /// <summary>The message's turn is done (or given up on): it is no longer kept.</summary>
    public async Task DoneAsync(string channel, string id)
    {
        _held.TryRemove((channel, id), out _);
        try
        {
            await Store.RemoveAsync(channel, id, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Its lease runs out and it is taken over, then found a duplicate by the engine.
            _log.ForgetFailed(e, channel, id);
        }
    }

    /// <summary>Where <paramref name="stream"/> was last read; null when never saved or when the store cannot be reached.</summary>
    public async Task<string?> PositionAsync(string stream, CancellationToken cancellationToken)
    {
        try
        {
            return await Store.GetPositionAsync(stream, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _log.PositionFailed(e, stream);
            return null;
        }
    }

    /// <summary>Saves where <paramref name="stream"/> has been read to; a failure costs at most re-reading some events after a restart.</summary>
    public async Task SavePositionAsync(string stream, string position)
    {
        try
        {
            await Store.SetPositionAsync(stream, position, CancellationToken.None);
        }
        catch (Exception e)
        {
            _log.PositionFailed(e, stream);
        }
    }

    /// <summary>This process no longer holds the message (it could not be queued): its lease runs out and it is taken over.</summary>
    internal void LetGo(string channel, string id) => _held.TryRemove((channel, id), out _);

    internal async Task RenewAsync(CancellationToken cancellationToken)
    {
        var leaseUntil = time.GetUtcNow() + Lease;
        foreach (var channel in _held.Keys.GroupBy(k => k.Channel, k => k.Id))
        {
            await Store.RenewAsync(Owner, channel.Key, [.. channel], leaseUntil, cancellationToken);
        }
    }

    internal Task ReleaseAsync(CancellationToken cancellationToken) => Store.ReleaseAsync(Owner, cancellationToken);

    internal Task<int> ForgetOlderThanAsync(TimeSpan age, CancellationToken cancellationToken) =>
        Store.ForgetReceivedBeforeAsync(time.GetUtcNow() - age, cancellationToken);

    internal async Task<IReadOnlyList<ReceivedMessage>> TakeOverAsync(string channel, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await Store.ClaimExpiredAsync(channel, Owner, now, now + Lease, max, cancellationToken);
        foreach (var message in claimed)
        {
            _held[(message.Channel, message.Id)] = 0;
        }

        return claimed;
    }
}

public enum KeepResult
{
    /// <summary>Kept: queue it.</summary>
    Kept,

    /// <summary>Kept already: a redelivery of a message on its way; acknowledge it, do not queue it again.</summary>
    AlreadyKept,

    /// <summary>The store could not be reached: queue it all the same, in memory only.</summary>
    NotKept,
}
