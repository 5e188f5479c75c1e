using System.Security.Cryptography;
using System.Text;
using Assistant.Knowledge.Model;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Assistant.Knowledge.Index;

/// <summary>
/// Question vectors in a Qdrant collection (gRPC, Qdrant.Client), shared by every host. The collection is created on first use
/// with cosine distance and keyword indexes on the fields filters use; <see cref="CollectionName"/> gives each embedder its own.
/// </summary>
/// <remarks>
/// Qdrant point ids are numbers or UUIDs, ours are "article#n": a point's id is a UUID derived from ours (SHA-256, version 8),
/// and ours travels in the payload as "key". Our ids name their content (see KnowledgeIndex.VectorIdOf), so whatever KB version a
/// host builds from, a point id always stands for the same vector and payload.
/// </remarks>
public sealed class QdrantVectorIndex : IVectorIndex
{
    private const string KeyField = "key";
    private const string ArticleField = "article_id";
    private const string SituationField = "life_situation";
    private const string SegmentsField = "segments";
    private const string StatusField = "status";
    private const int PageSize = 1000;

    private readonly QdrantClient _client;
    private readonly SemaphoreSlim _ready = new(1, 1);
    private bool _created;

    public QdrantVectorIndex(QdrantClient client, string collection, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        _client = client;
        Dimensions = dimensions;
        Collection = collection;
    }

    /// <summary>
    /// The collection for one embedder: the prefix, a short hash of the embedder's provider and model, and the dimension
    /// ("assistant_questions_1f2e3d4c_256"). Another embedder, even of the same size, gets a collection of its own, so a rolling
    /// change of embedder never mixes two vector spaces.
    /// </summary>
    public static string CollectionName(string prefix, string? provider, string? model, int dimensions)
    {
        var embedder = SHA256.HashData(Encoding.UTF8.GetBytes($"{provider}\n{model}\n{dimensions}"));
        return $"{prefix}_{Convert.ToHexStringLower(embedder)[..8]}_{dimensions}";
    }

    public int Dimensions { get; }

    public string Collection { get; }

    public async Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken)
    {
        // Checked before anything is sent, so one bad vector leaves the collection as it was.
        foreach (var record in records)
        {
            if (record.Vector.Length != Dimensions)
            {
                throw new ArgumentException($"Vector '{record.Id}' has {record.Vector.Length} dimensions, the index has {Dimensions}.", nameof(records));
            }
        }

        if (records.Count == 0)
        {
            return;
        }

        await EnsureCollectionAsync(cancellationToken);
        var points = records.Select(ToPoint).ToList();
        await _client.UpsertAsync(Collection, points, wait: true, cancellationToken: cancellationToken);
    }

    public async Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await EnsureCollectionAsync(cancellationToken);
        await _client.DeleteAsync(Collection, ids.Select(PointIdOf).ToList(), wait: true, cancellationToken: cancellationToken);
    }

    public async Task<int> RetainOnlyAsync(IReadOnlySet<string> keep, Func<CancellationToken, Task<bool>> confirm, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken);
        var kept = keep.Select(PointIdOf).ToHashSet();
        var stale = new List<PointId>();
        PointId? offset = null;
        do
        {
            var page = await _client.ScrollAsync(Collection, limit: PageSize, offset: offset, payloadSelector: false, cancellationToken: cancellationToken);
            stale.AddRange(page.Result.Select(p => p.Id).Where(id => !(id.HasUuid && Guid.TryParse(id.Uuid, out var uuid) && kept.Contains(uuid))));
            offset = page.NextPageOffset;
        }
        while (offset is not null);

        // Asked only now: a point another host wrote after the scroll is not in the list, and one written before it belongs to a KB
        // change that the confirmation sees.
        if (stale.Count == 0 || !await confirm(cancellationToken))
        {
            return 0;
        }

        for (var i = 0; i < stale.Count; i += PageSize)
        {
            await _client.DeleteAsync(Collection, stale.GetRange(i, Math.Min(PageSize, stale.Count - i)), wait: true, cancellationToken: cancellationToken);
        }

        return stale.Count;
    }

    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int top, VectorFilter? filter, CancellationToken cancellationToken)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions, the index has {Dimensions}.", nameof(query));
        }

        await EnsureCollectionAsync(cancellationToken);
        var points = await _client.QueryAsync(
            Collection,
            query: query.ToArray(),
            filter: ToFilter(filter),
            limit: (ulong)Math.Max(top, 1),
            payloadSelector: true,
            cancellationToken: cancellationToken);
        // A point without our payload was not written by us: the collection is ours, but a stray one must not break answering.
        return points.Where(p => p.Payload.ContainsKey(KeyField) && p.Payload.ContainsKey(ArticleField)).Select(ToHit).ToList();
    }

    /// <summary>The UUID standing for one of our ids in Qdrant.</summary>
    public static Guid PointIdOf(string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created))
        {
            return;
        }

        await _ready.WaitAsync(cancellationToken);
        try
        {
            if (_created)
            {
                return;
            }

            if (!await _client.CollectionExistsAsync(Collection, cancellationToken))
            {
                try
                {
                    await _client.CreateCollectionAsync(Collection, new VectorParams { Size = (ulong)Dimensions, Distance = Distance.Cosine }, cancellationToken: cancellationToken);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Another host may have created it between our check and our create: theirs is the same collection.
                    if (!await _client.CollectionExistsAsync(Collection, cancellationToken))
                    {
                        throw;
                    }
                }
            }

            // Every time, not only after creating: a host that created the collection may have stopped before its indexes, and a
            // filtered search on a server in strict mode needs them. Creating an existing index changes nothing.
            foreach (var field in new[] { SituationField, SegmentsField, StatusField })
            {
                await _client.CreatePayloadIndexAsync(Collection, field, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
            }

            Volatile.Write(ref _created, true);
        }
        finally
        {
            _ready.Release();
        }
    }

    private static PointStruct ToPoint(VectorRecord record)
    {
        var segments = new Value { ListValue = new ListValue() };
        segments.ListValue.Values.AddRange(record.Payload.Segments.Select(s => new Value { StringValue = s }));
        return new PointStruct
        {
            Id = PointIdOf(record.Id),
            Vectors = record.Vector.ToArray(),
            Payload =
            {
                [KeyField] = record.Id,
                [ArticleField] = record.Payload.ArticleId,
                [SituationField] = record.Payload.LifeSituation,
                [SegmentsField] = segments,
                [StatusField] = StatusName(record.Payload.Status),
            },
        };
    }

    private static VectorHit ToHit(ScoredPoint point)
    {
        var payload = point.Payload;
        var segments = payload.TryGetValue(SegmentsField, out var list) && list.ListValue is { } values
            ? values.Values.Select(v => v.StringValue).ToList()
            : [];
        var status = payload.TryGetValue(StatusField, out var s) && s.StringValue == StatusName(ArticleStatus.Draft)
            ? ArticleStatus.Draft
            : ArticleStatus.Published;
        return new VectorHit(
            payload[KeyField].StringValue,
            point.Score,
            new VectorPayload(payload[ArticleField].StringValue, payload[SituationField].StringValue, segments, status));
    }

    private static Filter? ToFilter(VectorFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var result = new Filter();
        if (filter.LifeSituation is { } situation)
        {
            result.Must.Add(MatchKeyword(SituationField, situation));
        }

        if (filter.Segment is { } segment)
        {
            // A keyword match on a list field holds when any element equals it.
            result.Must.Add(MatchKeyword(SegmentsField, segment));
        }

        if (filter.Status is { } status)
        {
            result.Must.Add(MatchKeyword(StatusField, StatusName(status)));
        }

        return result.Must.Count == 0 ? null : result;
    }

    private static string StatusName(ArticleStatus status) => status == ArticleStatus.Draft ? "draft" : "published";
}
