namespace Assistant.Knowledge.Index;

/// <summary>
/// Where question vectors live. Shaped like a vector database collection (Qdrant: upsert points with payload, delete, filtered top-k search),
/// so the in-process default and a server-backed index are interchangeable.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Dimension every vector must have; fixed at creation.</summary>
    int Dimensions { get; }

    Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken);

    Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every record whose id is not in <paramref name="keep"/>, so that after a full build what an earlier KB left in a
    /// shared (server-backed) collection goes away. <paramref name="confirm"/> is asked after the stale records are found and
    /// before any is deleted; when it says no (the KB changed meanwhile, so a newer build may own them) nothing is deleted.
    /// Returns how many records were deleted.
    /// </summary>
    Task<int> RetainOnlyAsync(IReadOnlySet<string> keep, Func<CancellationToken, Task<bool>> confirm, CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> most similar records (cosine; vectors are L2-normalised) that pass the filter, best first.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter, CancellationToken cancellationToken);
}
