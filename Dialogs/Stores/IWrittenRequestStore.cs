using Assistant.Dialogs.Requests;

namespace Assistant.Dialogs.Stores;

/// <summary>Written requests (обращения) filed from the chat; a durable record.</summary>
public interface IWrittenRequestStore
{
    /// <summary>The next request number: 1, 2, 3… never reused.</summary>
    Task<long> NextNumberAsync(CancellationToken cancellationToken);

    Task AddAsync(WrittenRequest request, CancellationToken cancellationToken);

    Task<WrittenRequest?> GetAsync(string number, CancellationToken cancellationToken);

    /// <summary>Every request with its desk record (a request nobody touched yet has the default, New).</summary>
    Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken);

    Task<DeskRequest?> GetWithWorkAsync(string number, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the desk record of <paramref name="number"/> if it is still <paramref name="expected"/>; false when someone else changed
    /// it first (two staff members pressing «Взять в работу» at once: one wins).
    /// </summary>
    Task<bool> SaveWorkAsync(string number, RequestWork expected, RequestWork next, CancellationToken cancellationToken);
}
