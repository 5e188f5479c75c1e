using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assistant.Knowledge.Index;

/// <summary>
/// The embedded default: exact search over one contiguous matrix with SIMD dot products. Rebuilt from the KB at start
/// (100k questions embed and load in seconds), so there is no index file to keep in step.
/// </summary>
/// <remarks>
/// Rows are stored as int8 codes with a per-row scale: code = round(x * 127 / max|x|). The float scan was bound by memory
/// bandwidth (110k rows x 256 floats = 110 MB read per query); int8 reads a quarter of that (28 MB, which can stay in L3) and the
/// dot product is a 16-bit multiply-add (pmaddwd), so a search over 110k rows went from ~8 ms to ~1.3 ms on one core and the
/// matrix from ~134 MB to ~34 MB. The query is quantised to int16, so nearly all the error is the rows'. Scores stay within 1e-2
/// of the float cosine: max error seen 1.3e-3 on random 256-dim unit vectors, 7.4e-3 (mean 3e-4) on hashed n-gram vectors of the
/// synthetic 100k KB. Each vector's largest component is stored exactly, so a query along it scores exactly.
/// </remarks>
public sealed class InMemoryVectorIndex(int dimensions) : IVectorIndex
{
    private const int RowLimit = sbyte.MaxValue;

    // Rows are padded with zeros to a multiple of 16 codes, so the SIMD kernel needs no tail loop and padding adds nothing.
    private readonly int _stride = (dimensions + 15) & ~15;
    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> _rowById = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<VectorPayload> _payloads = [];
    private sbyte[] _codes = new sbyte[((dimensions + 15) & ~15) * 64];
    private float[] _maxima = new float[64];

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
                _maxima[row] = Quantize(record.Vector.Span, _codes.AsSpan(row * _stride, _stride), RowLimit);
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
                    _codes.AsSpan(last * _stride, _stride).CopyTo(_codes.AsSpan(row * _stride, _stride));
                    _maxima[row] = _maxima[last];
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

    public async Task<int> RetainOnlyAsync(IReadOnlySet<string> keep, Func<CancellationToken, Task<bool>> confirm, CancellationToken cancellationToken)
    {
        List<string> stale;
        _gate.EnterReadLock();
        try
        {
            stale = _ids.Where(id => !keep.Contains(id)).ToList();
        }
        finally
        {
            _gate.ExitReadLock();
        }

        if (stale.Count == 0 || !await confirm(cancellationToken))
        {
            return 0;
        }

        await DeleteAsync(stale, cancellationToken);
        return stale.Count;
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

        // The query is quantised to int16, finer than the rows, so nearly all the error is the rows' own. Its limit keeps
        // |dot| <= 127 * limit * stride within int32 for any dimension. Zero-initialised, so the padding stays zero.
        var queryLimit = Math.Clamp(int.MaxValue / (RowLimit * _stride), 1, short.MaxValue);
        var q = _stride <= 2048 ? stackalloc short[_stride] : new short[_stride];
        var queryFactor = Quantize(query.Span, q, queryLimit) / ((double)RowLimit * queryLimit);

        _gate.EnterReadLock();
        try
        {
            var best = new PriorityQueue<int, float>(top + 1);
            var worst = float.NegativeInfinity;
            ref var codes = ref MemoryMarshal.GetArrayDataReference(_codes);
            ref var queryCodes = ref MemoryMarshal.GetReference(q);
            var maxima = _maxima;
            var rows = _ids.Count;
            for (var row = 0; row < rows; row++)
            {
                var score = (float)(Dot(ref queryCodes, ref Unsafe.Add(ref codes, (nint)row * _stride), _stride) * (double)maxima[row] * queryFactor);

                // The filter (a payload lookup per row) only runs for rows good enough to enter the top k, which is a few hundred per search.
                if (score <= worst || (filter is not null && !filter.Matches(_payloads[row])))
                {
                    continue;
                }

                if (best.Count < top)
                {
                    best.Enqueue(row, score);
                }
                else
                {
                    best.DequeueEnqueue(row, score);
                }

                if (best.Count == top)
                {
                    best.TryPeek(out _, out worst);
                }
            }

            var hits = new VectorHit[best.Count];
            for (var i = hits.Length - 1; i >= 0; i--)
            {
                best.TryDequeue(out var row, out var score);
                hits[i] = new VectorHit(_ids[row], Math.Clamp(score, -1f, 1f), _payloads[row]);
            }

            return Task.FromResult<IReadOnlyList<VectorHit>>(hits);
        }
        finally
        {
            _gate.ExitReadLock();
        }
    }

    /// <summary>Writes round(x * limit / max|x|) into <paramref name="codes"/> and returns max|x| (so x = code * max / limit).</summary>
    private static float Quantize<T>(ReadOnlySpan<float> vector, Span<T> codes, int limit)
        where T : struct, IBinaryInteger<T>
    {
        var max = vector.IsEmpty ? 0f : MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (!(max > 0f) || !float.IsFinite(max))
        {
            codes.Clear();
            return 0f;
        }

        var toCode = limit / max;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = T.CreateTruncating((int)Math.Clamp(MathF.Round(vector[i] * toCode), -limit, limit));
        }

        return max;
    }

    /// <summary>Dot product of int16 query codes and int8 row codes; <paramref name="length"/> is a multiple of 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Dot(ref short query, ref sbyte row, int length)
    {
        if (Avx512BW.IsSupported && (length & 31) == 0)
        {
            // The same with 32 codes a step: half the instructions of the AVX2 loop per row.
            var wide = Vector512<int>.Zero;
            for (nuint i = 0; i < (nuint)length; i += 32)
            {
                wide += Avx512BW.MultiplyAddAdjacent(Vector512.LoadUnsafe(ref query, i), Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref row, i)));
            }

            return Vector512.Sum(wide);
        }

        if (Avx2.IsSupported)
        {
            // Sign-extend 16 row codes to 16-bit lanes, multiply by the query's and add adjacent pairs into 32-bit lanes (pmaddwd).
            var acc = Vector256<int>.Zero;
            for (nuint i = 0; i < (nuint)length; i += 16)
            {
                acc += Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref query, i), Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref row, i)));
            }

            return Vector256.Sum(acc);
        }

        // Portable path (Arm, older x64): widen both sides to 32 bits and multiply.
        var sum = Vector128<int>.Zero;
        for (nuint i = 0; i < (nuint)length; i += 16)
        {
            var (rowLow, rowHigh) = Vector128.Widen(Vector128.LoadUnsafe(ref row, i));
            var (r0, r1) = Vector128.Widen(rowLow);
            var (r2, r3) = Vector128.Widen(rowHigh);
            var (q0, q1) = Vector128.Widen(Vector128.LoadUnsafe(ref query, i));
            var (q2, q3) = Vector128.Widen(Vector128.LoadUnsafe(ref query, i + 8));
            sum += (r0 * q0 + r1 * q1) + (r2 * q2 + r3 * q3);
        }

        return Vector128.Sum(sum);
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _maxima.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, _maxima.Length * 2);
        Array.Resize(ref _codes, capacity * _stride);
        Array.Resize(ref _maxima, capacity);
    }
}
