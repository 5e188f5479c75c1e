using Assistant.Knowledge.Index;
using Assistant.Tests.Servers;
using Grpc.Core;
using Qdrant.Client;

namespace Assistant.Knowledge.Tests.Index;

/// <summary>
/// The vector index contract on Qdrant: the real Qdrant.Client over gRPC against a local server speaking Qdrant's protocol
/// (no Qdrant runs on this machine), each test in a collection of its own.
/// </summary>
public sealed class QdrantVectorIndexTests : VectorIndexContract
{
    private FakeQdrantServer? _server;
    private QdrantClient? _client;

    private FakeQdrantServer Server => _server ?? throw new InvalidOperationException("Not started.");

    private QdrantClient Client => _client ?? throw new InvalidOperationException("Not started.");

    public override async Task InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        _client = new QdrantClient(_server.Address);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected override IVectorIndex CreateIndex(int dimensions) => new QdrantVectorIndex(Client, "contract_" + Guid.NewGuid().ToString("N"), dimensions);

    protected override async ValueTask DisposeIndexAsync(IVectorIndex index)
    {
        // A test that never wrote leaves no collection, and deleting a missing one is an error in Qdrant.
        var collection = ((QdrantVectorIndex)index).Collection;
        if (await Client.CollectionExistsAsync(collection))
        {
            await Client.DeleteCollectionAsync(collection);
        }
    }

    [Fact]
    public async Task Points_are_stored_under_uuids_with_our_id_and_filter_fields_in_the_payload()
    {
        var index = (QdrantVectorIndex)NewIndex();

        await index.UpsertAsync([Record("sick-leave-get#3", Unit(1, 0, 0, 0), "sick-leave", ["citizen", "medic"])], Ct);

        var collection = Server.State.Collections[index.Collection];
        var (_, point) = Assert.Single(collection.Points);
        Assert.Equal(QdrantVectorIndex.PointIdOf("sick-leave-get#3"), Guid.Parse(point.Id.Uuid));
        Assert.Equal("sick-leave-get#3", point.Payload["key"].StringValue);
        Assert.Equal("sick-leave-get", point.Payload["article_id"].StringValue);
        Assert.Equal("sick-leave", point.Payload["life_situation"].StringValue);
        Assert.Equal(["citizen", "medic"], point.Payload["segments"].ListValue.Values.Select(v => v.StringValue));
        Assert.Equal("published", point.Payload["status"].StringValue);
        Assert.Equal(["life_situation", "segments", "status"], collection.IndexedFields.Order());
    }

    [Fact]
    public void Each_embedder_gets_a_collection_of_its_own_even_at_the_same_size()
    {
        var hashed = QdrantVectorIndex.CollectionName("kb", "hashed", "char-ngrams", 256);

        Assert.Matches("^kb_[0-9a-f]{8}_256$", hashed);
        Assert.Equal(hashed, QdrantVectorIndex.CollectionName("kb", "hashed", "char-ngrams", 256));
        Assert.NotEqual(hashed, QdrantVectorIndex.CollectionName("kb", "openai", "text-embedding-3-small", 256));
        Assert.NotEqual(hashed, QdrantVectorIndex.CollectionName("kb", "hashed", "char-ngrams", 384));
    }

    [Fact]
    public async Task Payload_indexes_are_made_even_when_another_host_created_the_collection_without_them()
    {
        var name = "bare_" + Guid.NewGuid().ToString("N");
        await Client.CreateCollectionAsync(name, new Qdrant.Client.Grpc.VectorParams { Size = Dimensions, Distance = Qdrant.Client.Grpc.Distance.Cosine });

        await new QdrantVectorIndex(Client, name, Dimensions).UpsertAsync([Record("a#0", Unit(1, 0, 0, 0))], Ct);

        Assert.Equal(["life_situation", "segments", "status"], Server.State.Collections[name].IndexedFields.Order());
        await Client.DeleteCollectionAsync(name);
    }

    [Fact]
    public async Task A_hung_server_fails_the_call_at_the_clients_deadline()
    {
        using var impatient = new QdrantClient(Server.Address, grpcTimeout: TimeSpan.FromSeconds(1));
        var index = new QdrantVectorIndex(impatient, "hung_" + Guid.NewGuid().ToString("N"), Dimensions);
        await index.UpsertAsync([Record("a#0", Unit(1, 0, 0, 0))], Ct);
        Server.State.Hang = true;
        try
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => index.SearchAsync(Unit(1, 0, 0, 0), 1, null, Ct));
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        }
        finally
        {
            Server.State.Hang = false;
        }

        await Client.DeleteCollectionAsync(index.Collection);
    }

    [Fact]
    public async Task Two_hosts_on_one_collection_see_each_others_points_and_may_create_it_at_once()
    {
        var prefix = "shared_" + Guid.NewGuid().ToString("N");
        var hostA = new QdrantVectorIndex(Client, prefix, Dimensions);
        var hostB = new QdrantVectorIndex(Client, prefix, Dimensions);

        await Task.WhenAll(
            hostA.UpsertAsync([Record("a#0", Unit(1, 0, 0, 0))], Ct),
            hostB.UpsertAsync([Record("b#0", Unit(0, 1, 0, 0))], Ct));

        Assert.Equal(["a#0", "b#0"], (await hostA.SearchAsync(Unit(1, 1, 0, 0), 10, null, Ct)).Select(h => h.Id).Order());
        Assert.Equal("a#0", (await hostB.SearchAsync(Unit(1, 0, 0, 0), 1, null, Ct))[0].Id);
        await Client.DeleteCollectionAsync(hostA.Collection);
    }

    [Fact]
    public async Task Retaining_pages_through_a_collection_larger_than_one_scroll_page()
    {
        var index = NewIndex();
        var records = Enumerable.Range(0, 2500).Select(i => Record($"q#{i}", Unit(1, i, 0, 0))).ToList();
        await index.UpsertAsync(records, Ct);

        Assert.Equal(2498, await index.RetainOnlyAsync(new HashSet<string> { "q#7", "q#2499" }, Yes, Ct));

        Assert.Equal(["q#2499", "q#7"], (await index.SearchAsync(Unit(1, 1, 0, 0), 10, null, Ct)).Select(h => h.Id).Order());
    }

    [Fact]
    public async Task The_api_key_is_sent_and_a_wrong_one_is_refused()
    {
        await using var secured = await FakeQdrantServer.StartAsync(apiKey: "s3cret");
        using var right = new QdrantClient(secured.Address, apiKey: "s3cret");
        using var wrong = new QdrantClient(secured.Address, apiKey: "guess");

        await new QdrantVectorIndex(right, "kb", Dimensions).UpsertAsync([Record("a#0", Unit(1, 0, 0, 0))], Ct);

        var refused = await Assert.ThrowsAsync<RpcException>(() => new QdrantVectorIndex(wrong, "kb", Dimensions).SearchAsync(Unit(1, 0, 0, 0), 1, null, Ct));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
