using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Locking;

/// <summary>One semaphore per key while anyone holds or waits for it; removed when the last one leaves, so idle people cost nothing.</summary>
public sealed class InProcessConversationLock : IConversationLock
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable> AcquireAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var name = key.ToString();
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(name, out var existing))
            {
                existing = new Gate();
                _gates[name] = existing;
            }

            gate = existing;
            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(name, gate);
            throw;
        }

        return new Lease(this, name, gate);
    }

    /// <summary>How many keys have a holder or a waiter (for tests and diagnostics).</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    private void Leave(string name, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(name);
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(InProcessConversationLock owner, string name, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(name, gate);
            }

            return ValueTask.CompletedTask;
        }
    }
}
