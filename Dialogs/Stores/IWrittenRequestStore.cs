using Assistant.Dialogs.Requests;

namespace Assistant.Dialogs.Stores;

/// <summary>Written requests (обращения) filed from the chat; a durable record.</summary>
public interface IWrittenRequestStore
{
    /// <summary>The next request number: 1, 2, 3… never reused.</summary>
    Task<long> NextNumberAsync(CancellationToken cancellationToken);

    Task AddAsync(WrittenRequest request, CancellationToken cancellationToken);

    Task<WrittenRequest?> GetAsync(string number, CancellationToken cancellationToken);
}
