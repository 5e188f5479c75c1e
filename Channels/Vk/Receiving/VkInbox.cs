using System.Threading.Channels;

namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// Events between receiving (the callback endpoint or the long poll) and processing (<see cref="VkUpdateWorker"/>).
/// Each person's events go to one partition, so they are processed in order, while different people are served in parallel.
/// Unbounded: an event VK was told "ok" for must not be dropped. Redeliveries of an event already taken are refused.
/// </summary>
public sealed class VkInbox
{
    private const int RememberedEvents = 10_000;

    private readonly Channel<VkIncoming>[] _partitions;
    private readonly RecentIds _seen = new(RememberedEvents);

    public VkInbox(int partitions = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        _partitions = [.. Enumerable.Range(0, partitions).Select(_ => Channel.CreateUnbounded<VkIncoming>(new UnboundedChannelOptions { SingleReader = true }))];
    }

    public IReadOnlyList<ChannelReader<VkIncoming>> Readers => [.. _partitions.Select(p => p.Reader)];

    public VkInboxResult Post(VkIncoming incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (!_seen.Add(incoming.DeliveryId))
        {
            return VkInboxResult.Duplicate;
        }

        var partition = _partitions[(int)((ulong)incoming.PeerId % (ulong)_partitions.Length)];
        if (partition.Writer.TryWrite(incoming))
        {
            return VkInboxResult.Accepted;
        }

        _seen.Remove(incoming.DeliveryId);
        return VkInboxResult.Closed;
    }

    /// <summary>Takes nothing new; what is queued is still handed out.</summary>
    public void Complete()
    {
        foreach (var partition in _partitions)
        {
            partition.Writer.TryComplete();
        }
    }
}
