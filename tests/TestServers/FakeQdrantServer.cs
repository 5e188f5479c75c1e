using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Servers;

/// <summary>
/// A local server speaking Qdrant's gRPC protocol (the services and messages of Qdrant.Client's own contract, over HTTP/2 on
/// loopback) for the calls the product makes: collection exists/create/delete, payload index, upsert, delete, scroll and query.
/// There is no Qdrant build for this machine, so the real client library is tested against this. It keeps Qdrant's documented
/// rules that matter to a client: UUID or numeric point ids, cosine vectors normalised on write, a fixed vector size per
/// collection, keyword matches on list fields, and errors for unknown collections, wrong sizes and a missing API key.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQdrantServer(WebApplication app, FakeQdrantState state)
    {
        _app = app;
        State = state;
    }

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public FakeQdrantState State { get; }

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var state = new FakeQdrantState(apiKey);
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<FakeQdrantCollections>();
        app.MapGrpcService<FakeQdrantPoints>();
        await app.StartAsync();
        return new FakeQdrantServer(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The collections the fake holds, and the calls it has seen.</summary>
public sealed class FakeQdrantState(string? apiKey)
{
    public ConcurrentDictionary<string, FakeCollection> Collections { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Calls { get; } = new();

    internal async Task<FakeCollection> OpenAsync(string name, ServerCallContext context, string call)
    {
        await AdmitAsync(context, call);
        return Collections.TryGetValue(name, out var collection)
            ? collection
            : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));
    }

    /// <summary>While set, every call waits until the client gives up (a server that accepts connections but never answers).</summary>
    public volatile bool Hang;

    internal async Task AdmitAsync(ServerCallContext context, string call)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new RpcException(new Status(StatusCode.Cancelled, "The client gave up"));
        }

        if (apiKey is not null && context.RequestHeaders.GetValue("api-key") != apiKey)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Invalid api-key"));
        }

        Calls.Enqueue(call);
    }
}

public sealed class FakeCollection(ulong size)
{
    public ulong Size { get; } = size;

    public HashSet<string> IndexedFields { get; } = [];

    /// <summary>Points by their id as text (UUID or number), kept in id order as Qdrant scrolls them.</summary>
    public SortedDictionary<string, (float[] Vector, Google.Protobuf.Collections.MapField<string, Value> Payload, PointId Id)> Points { get; } = new(StringComparer.Ordinal);
}

internal static class QdrantMethods
{
    public static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string service, string name)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        new(MethodType.Unary, service, name, Marshal<TRequest>(), Marshal<TResponse>());

    private static Marshaller<T> Marshal<T>()
        where T : IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
    }

    public static string Key(PointId id) => id.HasUuid ? Guid.Parse(id.Uuid).ToString() : id.Num.ToString("D20");

    public static PointsOperationResponse Done() => new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };
}

// gRPC for ASP.NET Core binds a method only when it is virtual and declared on the type the attribute names (generated service
// bases are made that way), hence the open classes and virtual methods.
[BindServiceMethod(typeof(FakeQdrantCollections), nameof(Bind))]
internal class FakeQdrantCollections(FakeQdrantState state)
{
    public static void Bind(ServiceBinderBase binder, FakeQdrantCollections? service)
    {
        const string name = "qdrant.Collections";
        binder.AddMethod(QdrantMethods.Unary<CollectionExistsRequest, CollectionExistsResponse>(name, nameof(CollectionExists)), (UnaryServerMethod<CollectionExistsRequest, CollectionExistsResponse>?)null);
        binder.AddMethod(QdrantMethods.Unary<CreateCollection, CollectionOperationResponse>(name, nameof(Create)), (UnaryServerMethod<CreateCollection, CollectionOperationResponse>?)null);
        binder.AddMethod(QdrantMethods.Unary<DeleteCollection, CollectionOperationResponse>(name, nameof(Delete)), (UnaryServerMethod<DeleteCollection, CollectionOperationResponse>?)null);
    }

    public virtual async Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context)
    {
        await state.AdmitAsync(context, "CollectionExists");
        return new CollectionExistsResponse { Result = new CollectionExists { Exists = state.Collections.ContainsKey(request.CollectionName) } };
    }

    public virtual async Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        await state.AdmitAsync(context, "Create");
        var parameters = request.VectorsConfig?.Params
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: vectors config is required"));
        if (parameters.Distance != Distance.Cosine)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "The fake keeps cosine collections only"));
        }

        if (!state.Collections.TryAdd(request.CollectionName, new FakeCollection(parameters.Size)))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
        }

        return new CollectionOperationResponse { Result = true };
    }

    public virtual async Task<CollectionOperationResponse> Delete(DeleteCollection request, ServerCallContext context)
    {
        await state.AdmitAsync(context, "DeleteCollection");
        return new CollectionOperationResponse { Result = state.Collections.TryRemove(request.CollectionName, out _) };
    }
}

[BindServiceMethod(typeof(FakeQdrantPoints), nameof(Bind))]
internal class FakeQdrantPoints(FakeQdrantState state)
{
    public static void Bind(ServiceBinderBase binder, FakeQdrantPoints? service)
    {
        const string name = "qdrant.Points";
        binder.AddMethod(QdrantMethods.Unary<UpsertPoints, PointsOperationResponse>(name, nameof(Upsert)), (UnaryServerMethod<UpsertPoints, PointsOperationResponse>?)null);
        binder.AddMethod(QdrantMethods.Unary<DeletePoints, PointsOperationResponse>(name, nameof(Delete)), (UnaryServerMethod<DeletePoints, PointsOperationResponse>?)null);
        binder.AddMethod(QdrantMethods.Unary<CreateFieldIndexCollection, PointsOperationResponse>(name, nameof(CreateFieldIndex)), (UnaryServerMethod<CreateFieldIndexCollection, PointsOperationResponse>?)null);
        binder.AddMethod(QdrantMethods.Unary<ScrollPoints, ScrollResponse>(name, nameof(Scroll)), (UnaryServerMethod<ScrollPoints, ScrollResponse>?)null);
        binder.AddMethod(QdrantMethods.Unary<QueryPoints, QueryResponse>(name, nameof(Query)), (UnaryServerMethod<QueryPoints, QueryResponse>?)null);
    }

    public virtual async Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context)
    {
        var collection = await state.OpenAsync(request.CollectionName, context, "Upsert");
        var rows = request.Points.Select(p =>
        {
            var vector = DenseOf(p.Vectors?.Vector) ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: a point has no vector"));
            if ((ulong)vector.Length != collection.Size)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {vector.Length}"));
            }

            if (p.Id.HasUuid && !Guid.TryParse(p.Id.Uuid, out _))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"Unable to parse UUID: {p.Id.Uuid}"));
            }

            return (Key: QdrantMethods.Key(p.Id), Vector: Normalised(vector), p.Payload, p.Id);
        }).ToList();

        lock (collection)
        {
            foreach (var row in rows)
            {
                collection.Points[row.Key] = (row.Vector, row.Payload, row.Id);
            }
        }

        return QdrantMethods.Done();
    }

    public virtual async Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context)
    {
        var collection = await state.OpenAsync(request.CollectionName, context, "Delete");
        lock (collection)
        {
            var doomed = request.Points.PointsSelectorOneOfCase switch
            {
                PointsSelector.PointsSelectorOneOfOneofCase.Points => request.Points.Points.Ids.Select(QdrantMethods.Key).ToList(),
                PointsSelector.PointsSelectorOneOfOneofCase.Filter => collection.Points.Where(p => Matches(request.Points.Filter, p.Value.Payload, p.Key)).Select(p => p.Key).ToList(),
                _ => throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: no points selector")),
            };
            foreach (var key in doomed)
            {
                collection.Points.Remove(key);
            }
        }

        return QdrantMethods.Done();
    }

    public virtual async Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context)
    {
        var collection = await state.OpenAsync(request.CollectionName, context, "CreateFieldIndex");
        lock (collection)
        {
            collection.IndexedFields.Add(request.FieldName);
        }

        return QdrantMethods.Done();
    }

    public virtual async Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context)
    {
        var collection = await state.OpenAsync(request.CollectionName, context, "Scroll");
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var from = request.Offset is null ? null : QdrantMethods.Key(request.Offset);
        var withPayload = request.WithPayload?.Enable ?? false;
        var response = new ScrollResponse();
        lock (collection)
        {
            var page = collection.Points
                .Where(p => from is null || string.CompareOrdinal(p.Key, from) >= 0)
                .Where(p => Matches(request.Filter, p.Value.Payload, p.Key))
                .Take(limit + 1)
                .ToList();
            foreach (var (_, point) in page.Take(limit))
            {
                var retrieved = new RetrievedPoint { Id = point.Id };
                if (withPayload)
                {
                    retrieved.Payload.Add(point.Payload);
                }

                response.Result.Add(retrieved);
            }

            if (page.Count > limit)
            {
                response.NextPageOffset = page[limit].Value.Id;
            }
        }

        return response;
    }

    public virtual async Task<QueryResponse> Query(QueryPoints request, ServerCallContext context)
    {
        var collection = await state.OpenAsync(request.CollectionName, context, "Query");
        var query = request.Query?.Nearest?.Dense?.Data.ToArray()
            ?? throw new RpcException(new Status(StatusCode.Unimplemented, "The fake answers nearest-vector queries only"));
        if ((ulong)query.Length != collection.Size)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {query.Length}"));
        }

        query = Normalised(query);
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var withPayload = request.WithPayload?.Enable ?? false;
        var response = new QueryResponse();
        lock (collection)
        {
            var best = collection.Points
                .Where(p => Matches(request.Filter, p.Value.Payload, p.Key))
                .Select(p => (Point: p.Value, Score: Dot(query, p.Value.Vector)))
                .OrderByDescending(x => x.Score)
                .Take(limit);
            foreach (var (point, score) in best)
            {
                var scored = new ScoredPoint { Id = point.Id, Score = score };
                if (withPayload)
                {
                    scored.Payload.Add(point.Payload);
                }

                response.Result.Add(scored);
            }
        }

        return response;
    }

    private static float[]? DenseOf(Vector? vector)
    {
        if (vector is null)
        {
            return null;
        }

        if (vector.Dense is { } dense)
        {
            return dense.Data.ToArray();
        }

#pragma warning disable CS0612 // The deprecated plain "data" field is how older clients send a dense vector.
        return vector.Data.Count > 0 ? vector.Data.ToArray() : null;
#pragma warning restore CS0612
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static bool Matches(Filter? filter, Google.Protobuf.Collections.MapField<string, Value> payload, string key)
    {
        if (filter is null)
        {
            return true;
        }

        return filter.Must.All(c => Holds(c, payload, key)) && !filter.MustNot.Any(c => Holds(c, payload, key))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Holds(c, payload, key)));
    }

    private static bool Holds(Condition condition, Google.Protobuf.Collections.MapField<string, Value> payload, string key)
    {
        switch (condition.ConditionOneOfCase)
        {
            case Condition.ConditionOneOfOneofCase.Field when condition.Field.Match?.MatchValueCase == Match.MatchValueOneofCase.Keyword:
                if (!payload.TryGetValue(condition.Field.Key, out var value))
                {
                    return false;
                }

                var wanted = condition.Field.Match.Keyword;
                return value.KindCase == Value.KindOneofCase.ListValue
                    ? value.ListValue.Values.Any(v => v.StringValue == wanted)
                    : value.StringValue == wanted;
            case Condition.ConditionOneOfOneofCase.HasId:
                return condition.HasId.HasId.Any(id => QdrantMethods.Key(id) == key);
            case Condition.ConditionOneOfOneofCase.Filter:
                return Matches(condition.Filter, payload, key);
            default:
                throw new RpcException(new Status(StatusCode.Unimplemented, $"The fake does not evaluate {condition.ConditionOneOfCase} conditions"));
        }
    }
}
