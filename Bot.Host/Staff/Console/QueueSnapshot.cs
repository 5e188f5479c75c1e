using Assistant.Dialogs.Operators;

namespace Assistant.Bot.Host.Staff.Console;

/// <summary>
/// The waiting and assigned conversations as every open console shows them, read once per change and shared: fifty consoles
/// refreshing after a handover cost one read, not fifty.
/// </summary>
public sealed class QueueSnapshot
{
    private readonly OperatorDesk _desk;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _version = 1;
    private long _readVersion;
    private (IReadOnlyList<QueueEntry> Waiting, IReadOnlyList<QueueEntry> Assigned) _current = ([], []);

    public QueueSnapshot(OperatorDesk desk, StaffSignals signals)
    {
        _desk = desk;
        signals.Changed += _ => Interlocked.Increment(ref _version);
    }

    public async Task<(IReadOnlyList<QueueEntry> Waiting, IReadOnlyList<QueueEntry> Assigned)> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _readVersion) == Volatile.Read(ref _version))
        {
            return _current;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Those who waited here while another console read get that read, unless something changed since it began.
            var version = Volatile.Read(ref _version);
            if (Volatile.Read(ref _readVersion) != version)
            {
                _current = await _desk.SummariesAsync(cancellationToken);
                Volatile.Write(ref _readVersion, version);
            }

            return _current;
        }
        finally
        {
            _reading.Release();
        }
    }
}
