namespace Assistant.Dialogs.Stores;

/// <summary>The masked transcript of each conversation, in order; a durable record.</summary>
public interface ITranscriptStore
{
    /// <summary>Appends the entry (its Sequence is ignored) and returns the position it got: 1, 2, 3… per conversation.</summary>
    Task<long> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the entries of one turn (all of one conversation) together, one write for the store, returning the positions they
    /// got, in order.
    /// </summary>
    Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken);

    /// <summary>The entries after <paramref name="afterSequence"/> (0: all), in order.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationId, long afterSequence, CancellationToken cancellationToken);
}
