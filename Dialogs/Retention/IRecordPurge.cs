namespace Assistant.Dialogs.Retention;

/// <summary>Counts and deletes, in small batches, the records of one kind older than a moment, where they are stored.</summary>
public interface IRecordPurge
{
    Task<long> CountOlderAsync(RecordKind kind, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batch"/> records older than <paramref name="before"/>; returns how many went.</summary>
    Task<int> DeleteOlderAsync(RecordKind kind, DateTimeOffset before, int batch, CancellationToken cancellationToken);
}
