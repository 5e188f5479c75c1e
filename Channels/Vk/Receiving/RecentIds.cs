namespace Assistant.Channels.Vk.Receiving;

/// <summary>
/// The last <c>capacity</c> ids seen, oldest forgotten first: enough to recognise VK's redeliveries, which come within
/// minutes. The engine's processed-message store remains the durable check behind it.
/// </summary>
public sealed class RecentIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True when <paramref name="id"/> was not seen yet (and is now).</summary>
    public bool Add(string id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }

    /// <summary>Forgets <paramref name="id"/>, so its next delivery is taken (used when it could not be queued).</summary>
    public void Remove(string id)
    {
        lock (_lock)
        {
            _ids.Remove(id);
        }
    }
}
