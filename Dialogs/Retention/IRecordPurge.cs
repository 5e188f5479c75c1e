namespace Assistant.Dialogs.Retention;

/// <summary>Counts and deletes, in small batches, the records of one kind older than a moment, where they are stored.</summary>
public interface IRecordPurge
{
    Task<long> CountOlderAsync(RecordKind kind, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="batch"/> records of each table of the kind older than <paramref name="before"/>; returns how many went (0: none left).</summary>
    Task<int> DeleteOlderAsync(RecordKind kind, DateTimeOffset before, int batch, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes everything recorded about <paramref name="person"/>'s conversations (a data subject's erasure): transcripts,
    /// written requests, ratings, inbox items, their client record and the person index; returns the rows deleted.
    /// </summary>
    Task<long> EraseAsync(IReadOnlyCollection<string> conversationIds, Activities.ConversationKey person, CancellationToken cancellationToken);
}
