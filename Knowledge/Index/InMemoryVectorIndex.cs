using System.Numerics.Tensors;

namespace Assistant.Knowledge.Index;

/// <summary>
/// The embedded default: exact search over one contiguous matrix with SIMD dot products. Rebuilt from the KB at start
/// (100k questions embed and load in seconds), so there is no index file to keep in step.
/// </summary>
public sealed class InMemoryVectorIndex(int dimensions) : IVectorIndex
{
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _rowById = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<VectorPayload> _payloads = [];
    private float[] _matrix = new float[dimensions * 64];

    public int Dimensions { get; } = dimensions;

    public int Count
    {
        get
        {
            _gate.EnterReadLock();
        try
        {
                return _ids.Count;
            }
        finally
        {
            _gate.ExitReadLock();
        }
        }
    }

    public Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            if (record.Vector.Length != Dimensions)
            {
                throw new ArgumentException($"Vector '{record.Id}' has {record.Vector.Length} dimensions, the index has {Dimensions}.", nameof(records));
            }
        }

        _gate.EnterWriteLock();
        try
        {
            foreach (var record in records)
            {
                if (!_rowById.TryGetValue(record.Id, out var row))
                {
                    row = _ids.Count;
                    _rowById[record.Id] = row;
                    _ids.Add(record.Id);
                    _payloads.Add(record.Payload);
                    EnsureCapacity(_ids.Count);
                }

                _payloads[row] = record.Payload;
                record.Vector.Span.CopyTo(_matrix.AsSpan(row * Dimensions, Dimensions));
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        _gate.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                if (!_rowById.Remove(id, out var row))
                {
                    continue;
                }

                // Move the last row into the hole so the matrix stays dense.
                var last = _ids.Count - 1;
                if (row != last)
                {
                    _matrix.AsSpan(last * Dimensions, Dimensions).CopyTo(_matrix.AsSpan(row * Dimensions, Dimensions));
                    _ids[row] = _ids[last];
                    _payloads[row] = _payloads[last];
                    _rowById[_ids[row]] = row;
                }

                _ids.RemoveAt(last);
                _payloads.RemoveAt(last);
            }
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter, CancellationToken cancellationToken)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions, the index has {Dimensions}.", nameof(query));
        }

        if (top <= 0)
        {
            return Task.FromResult<IReadOnlyList<VectorHit>>([]);
        }

        _gate.EnterReadLock();
        try
        {
            var best = new PriorityQueue<int, float>(top + 1);
            var q = query.Span;
            for (var row = 0; row < _ids.Count; row++)
            {
                if (filter is not null && !filter.Matches(_payloads[row]))
                {
                    continue;
                }

                var score = TensorPrimitives.Dot(q, _matrix.AsSpan(row * Dimensions, Dimensions));
                if (best.Count < top)
                {
                    best.Enqueue(row, score);
                }
                else if (best.TryPeek(out _, out var worst) && score > worst)
                {
                    best.DequeueEnqueue(row, score);
                }
            }

            var hits = new VectorHit[best.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                best.TryDequeue(out var row, out var score);
                hits[i] = new VectorHit(_ids[row], score, _payloads[row]);
            }

            return Task.FromResult<IReadOnlyList<VectorHit>>(hits);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    private void EnsureCapacity(int rows)
    {
        if (rows * Dimensions <= _matrix.Length)
        {
            return;
        }

        Array.Resize(ref _matrix, Math.Max(rows * Dimensions, _matrix.Length * 2));
    }
}
