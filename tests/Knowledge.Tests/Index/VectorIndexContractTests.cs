using System.Numerics.Tensors;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Tests.Index;

/// <summary>
/// What every <see cref="IVectorIndex"/> must do. An implementation's test class derives from this and supplies
/// <see cref="CreateIndex"/>; for a server-backed index (Qdrant) create a fresh collection per call there and drop it in
/// <see cref="DisposeIndexAsync"/>. The tests use few dimensions, string ids shaped like the service's ("article#n"),
/// unit-length vectors and no timing, so they suit a remote index as well as the in-process one.
/// </summary>
public abstract class VectorIndexContract : IAsyncLifetime
{
    protected const int Dimensions = 4;

    private readonly List<IVectorIndex> _created = [];

    protected CancellationToken Ct { get; } = CancellationToken.None;

    /// <summary>A new, empty index of the given dimension.</summary>
    protected abstract IVectorIndex CreateIndex(int dimensions);

    /// <summary>Releases one index made by <see cref="CreateIndex"/> (drop a collection, close a client). Disposes it when disposable.</summary>
    protected virtual async ValueTask DisposeIndexAsync(IVectorIndex index)
    {
        switch (index)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var index in _created)
        {
            await DisposeIndexAsync(index);
        }
    }

    [Fact]
    public void The_index_reports_its_dimension()
    {
        Assert.Equal(Dimensions, NewIndex().Dimensions);
    }

    [Fact]
    public async Task Search_returns_the_nearest_records_best_first_with_cosine_scores()
    {
        var index = NewIndex();
        var near = Unit(1, 0.1f, 0, 0);
        var middle = Unit(1, 1, 0, 0);
        var far = Unit(0, 0, 1, 0);
        await index.UpsertAsync([Record("oms-get-policy#0", middle), Record("vaccine-flu#0", far), Record("oms-replace-policy#0", near)], Ct);
        var query = Unit(1, 0, 0, 0);

        var hits = await index.SearchAsync(query, 3, null, Ct);

        Assert.Equal(["oms-replace-policy#0", "oms-get-policy#0", "vaccine-flu#0"], hits.Select(h => h.Id));
        Assert.Equal(Cosine(query, near), hits[0].Score, 4);
        Assert.Equal(Cosine(query, middle), hits[1].Score, 4);
        Assert.Equal(0f, hits[2].Score, 4);
    }

    [Fact]
    public async Task A_hit_carries_the_payload_it_was_stored_with()
    {
        var index = NewIndex();
        var payload = new VectorPayload("sick-leave-payment", "sick-leave", [Segment.Citizen, Segment.Business], ArticleStatus.Published);
        await index.UpsertAsync([new VectorRecord("sick-leave-payment#2", Unit(0, 1, 0, 0), payload)], Ct);

        var hit = Assert.Single(await index.SearchAsync(Unit(0, 1, 0, 0), 5, null, Ct));

        Assert.Equal("sick-leave-payment#2", hit.Id);
        Assert.Equal(1f, hit.Score, 4);
        Assert.Equal(payload.ArticleId, hit.Payload.ArticleId);
        Assert.Equal(payload.LifeSituation, hit.Payload.LifeSituation);
        Assert.Equal(payload.Segments, hit.Payload.Segments);
        Assert.Equal(payload.Status, hit.Payload.Status);
    }

    [Fact]
    public async Task Upserting_an_existing_id_replaces_its_vector_and_payload()
    {
        var index = NewIndex();
        await index.UpsertAsync([Record("oms-get-policy#0", Unit(1, 0, 0, 0), lifeSituation: "oms-policy")], Ct);

        await index.UpsertAsync([Record("oms-get-policy#0", Unit(0, 0, 0, 1), lifeSituation: "clinic-attachment")], Ct);

        var hits = await index.SearchAsync(Unit(0, 0, 0, 1), 10, null, Ct);
        var hit = Assert.Single(hits);
        Assert.Equal(1f, hit.Score, 4);
        Assert.Equal("clinic-attachment", hit.Payload.LifeSituation);
        Assert.Empty(await index.SearchAsync(Unit(1, 0, 0, 0), 10, new VectorFilter(LifeSituation: "oms-policy"), Ct));
    }

    [Fact]
    public async Task Deleted_records_are_no_longer_found_and_the_rest_are_intact()
    {
        var index = NewIndex();
        await index.UpsertAsync(
        [
            Record("a#0", Unit(1, 0, 0, 0), lifeSituation: "oms-policy"),
            Record("b#0", Unit(0, 1, 0, 0), lifeSituation: "sick-leave"),
            Record("c#0", Unit(0, 0, 1, 0), lifeSituation: "vaccination"),
        ], Ct);

        await index.DeleteAsync(["a#0"], Ct);

        var hits = await index.SearchAsync(Unit(1, 1, 1, 1), 10, null, Ct);
        Assert.Equal(["b#0", "c#0"], hits.Select(h => h.Id).Order());
        var c = Assert.Single(await index.SearchAsync(Unit(0, 0, 1, 0), 1, null, Ct));
        Assert.Equal("c#0", c.Id);
        Assert.Equal(1f, c.Score, 4);
        Assert.Equal("vaccination", c.Payload.LifeSituation);
    }

    [Fact]
    public async Task Deleting_an_unknown_id_is_harmless()
    {
        var index = NewIndex();
        await index.UpsertAsync([Record("a#0", Unit(1, 0, 0, 0))], Ct);

        await index.DeleteAsync(["no-such-id"], Ct);

        Assert.Single(await index.SearchAsync(Unit(1, 0, 0, 0), 10, null, Ct));
    }

    [Fact]
    public async Task A_deleted_id_can_be_added_again()
    {
        var index = NewIndex();
        await index.UpsertAsync([Record("a#0", Unit(1, 0, 0, 0)), Record("b#0", Unit(0, 1, 0, 0))], Ct);
        await index.DeleteAsync(["a#0"], Ct);

        await index.UpsertAsync([Record("a#0", Unit(0, 0, 1, 0))], Ct);

        var hit = (await index.SearchAsync(Unit(0, 0, 1, 0), 1, null, Ct))[0];
        Assert.Equal("a#0", hit.Id);
        Assert.Equal(1f, hit.Score, 4);
        Assert.Equal(2, (await index.SearchAsync(Unit(1, 1, 1, 1), 10, null, Ct)).Count);
    }

    [Fact]
    public async Task Retaining_a_set_of_ids_deletes_every_other_record()
    {
        var index = await FilledIndexAsync();

        var deleted = await index.RetainOnlyAsync(new HashSet<string> { "sick-leave-get#0", "license-medical#0", "no-such-id" }, Yes, Ct);

        Assert.Equal(3, deleted);
        var hits = await index.SearchAsync(Unit(1, 1, 1, 1), 10, null, Ct);
        Assert.Equal(["license-medical#0", "sick-leave-get#0"], hits.Select(h => h.Id).Order());
        Assert.Equal("sick-leave", hits.Single(h => h.Id == "sick-leave-get#0").Payload.LifeSituation);
    }

    [Fact]
    public async Task Retaining_deletes_nothing_when_the_confirmation_says_no()
    {
        var index = await FilledIndexAsync();

        var deleted = await index.RetainOnlyAsync(new HashSet<string> { "sick-leave-get#0" }, _ => Task.FromResult(false), Ct);

        Assert.Equal(0, deleted);
        Assert.Equal(5, (await index.SearchAsync(Unit(1, 1, 1, 1), 10, null, Ct)).Count);
    }

    [Fact]
    public async Task A_record_written_while_retaining_is_confirmed_survives()
    {
        var index = await FilledIndexAsync();

        // Another host adds a question after the stale records were found: it is not among them.
        await index.RetainOnlyAsync(new HashSet<string> { "oms-get-policy#0" }, async ct =>
        {
            await index.UpsertAsync([Record("added-elsewhere#0", Unit(0, 1, 0, 0))], ct);
            return true;
        }, Ct);

        Assert.Equal(["added-elsewhere#0", "oms-get-policy#0"], (await index.SearchAsync(Unit(1, 1, 1, 1), 10, null, Ct)).Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Retaining_on_an_empty_index_is_harmless()
    {
        var index = NewIndex();

        Assert.Equal(0, await index.RetainOnlyAsync(new HashSet<string> { "a#0" }, Yes, Ct));

        Assert.Empty(await index.SearchAsync(Unit(1, 0, 0, 0), 10, null, Ct));
    }

    [Fact]
    public async Task A_life_situation_filter_keeps_only_that_situation()
    {
        var index = await FilledIndexAsync();

        var hits = await index.SearchAsync(Unit(1, 1, 1, 1), 10, new VectorFilter(LifeSituation: "sick-leave"), Ct);

        Assert.Equal(["sick-leave-get#0", "sick-leave-payment#0"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task A_segment_filter_keeps_records_listing_that_segment()
    {
        var index = await FilledIndexAsync();

        var hits = await index.SearchAsync(Unit(1, 1, 1, 1), 10, new VectorFilter(Segment: Segment.Business), Ct);

        Assert.Equal(["license-medical#0", "sick-leave-payment#0"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task A_status_filter_hides_drafts()
    {
        var index = await FilledIndexAsync();

        var hits = await index.SearchAsync(Unit(1, 1, 1, 1), 10, new VectorFilter(Status: ArticleStatus.Published), Ct);

        Assert.Equal(4, hits.Count);
        Assert.DoesNotContain(hits, h => h.Id == "oms-draft#0");
    }

    [Fact]
    public async Task Filter_conditions_all_apply_together()
    {
        var index = await FilledIndexAsync();

        var hits = await index.SearchAsync(Unit(1, 1, 1, 1), 10, new VectorFilter("sick-leave", Segment.Business, ArticleStatus.Published), Ct);

        Assert.Equal("sick-leave-payment#0", Assert.Single(hits).Id);
    }

    [Fact]
    public async Task A_filter_matching_nothing_finds_nothing()
    {
        var index = await FilledIndexAsync();

        Assert.Empty(await index.SearchAsync(Unit(1, 1, 1, 1), 10, new VectorFilter(LifeSituation: "pets"), Ct));
    }

    [Fact]
    public async Task Top_k_returns_at_most_k_of_the_best()
    {
        var index = await FilledIndexAsync();
        var query = Unit(1, 0, 0, 0);

        var two = await index.SearchAsync(query, 2, null, Ct);
        var all = await index.SearchAsync(query, 100, null, Ct);

        Assert.Equal(2, two.Count);
        Assert.Equal(5, all.Count);
        Assert.Equal(all.Take(2).Select(h => h.Id), two.Select(h => h.Id));
        Assert.Equal(all.Select(h => h.Score).OrderDescending(), all.Select(h => h.Score));
    }

    [Fact]
    public async Task An_empty_index_finds_nothing()
    {
        var index = NewIndex();

        Assert.Empty(await index.SearchAsync(Unit(1, 0, 0, 0), 10, null, Ct));
        Assert.Empty(await index.SearchAsync(Unit(1, 0, 0, 0), 10, new VectorFilter(Segment: Segment.Citizen), Ct));
    }

    [Fact]
    public async Task A_vector_of_the_wrong_dimension_is_rejected_on_upsert()
    {
        var index = NewIndex();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([Record("a#0", new float[Dimensions + 1])], Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([Record("a#0", new float[Dimensions - 1])], Ct));
    }

    [Fact]
    public async Task A_batch_with_one_bad_vector_stores_nothing()
    {
        var index = NewIndex();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([Record("a#0", Unit(1, 0, 0, 0)), Record("b#0", new float[Dimensions + 1])], Ct));

        Assert.Empty(await index.SearchAsync(Unit(1, 0, 0, 0), 10, null, Ct));
    }

    [Fact]
    public async Task A_query_of_the_wrong_dimension_is_rejected()
    {
        var index = NewIndex();
        await index.UpsertAsync([Record("a#0", Unit(1, 0, 0, 0))], Ct);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.SearchAsync(new float[Dimensions * 2], 10, null, Ct));
    }

    protected static Task<bool> Yes(CancellationToken cancellationToken) => Task.FromResult(true);

    protected IVectorIndex NewIndex()
    {
        var index = CreateIndex(Dimensions);
        _created.Add(index);
        return index;
    }

    /// <summary>Five records across situations, segments and statuses; every vector has a positive first component.</summary>
    private async Task<IVectorIndex> FilledIndexAsync()
    {
        var index = NewIndex();
        await index.UpsertAsync(
        [
            Record("oms-get-policy#0", Unit(1, 0.2f, 0, 0), "oms-policy", [Segment.Citizen]),
            Record("sick-leave-get#0", Unit(1, 0.4f, 0.1f, 0), "sick-leave", [Segment.Citizen, Segment.Medic]),
            Record("sick-leave-payment#0", Unit(1, 0, 0.5f, 0), "sick-leave", [Segment.Citizen, Segment.Business]),
            Record("license-medical#0", Unit(1, 0, 0, 0.8f), "medical-licensing", [Segment.Business]),
            Record("oms-draft#0", Unit(1, 0.9f, 0.9f, 0.9f), "oms-policy", [Segment.Citizen], ArticleStatus.Draft),
        ], Ct);
        return index;
    }

    protected static VectorRecord Record(
        string id,
        float[] vector,
        string lifeSituation = "oms-policy",
        IReadOnlyList<string>? segments = null,
        ArticleStatus status = ArticleStatus.Published) =>
        new(id, vector, new VectorPayload(id.Split('#')[0], lifeSituation, segments ?? [Segment.Citizen], status));

    protected static float[] Unit(params float[] values)
    {
        var norm = TensorPrimitives.Norm(values);
        return values.Select(v => v / norm).ToArray();
    }

    private static float Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);
}

public sealed class InMemoryVectorIndexTests : VectorIndexContract
{
    protected override IVectorIndex CreateIndex(int dimensions) => new InMemoryVectorIndex(dimensions);

    [Fact]
    public async Task The_matrix_grows_past_its_initial_capacity()
    {
        var index = new InMemoryVectorIndex(Dimensions);
        var records = Enumerable.Range(0, 200).Select(i => Record($"q#{i}", Unit(1, i, 0, 0))).ToList();

        await index.UpsertAsync(records, Ct);

        Assert.Equal(200, index.Count);
        Assert.Equal("q#199", (await index.SearchAsync(Unit(0, 1, 0, 0), 1, null, Ct))[0].Id);
    }

    [Fact]
    public async Task Over_several_blocks_with_deleted_rows_sparse_and_dense_queries_find_what_the_float_cosine_finds()
    {
        const int dimensions = 256;
        var random = new Random(7);
        var index = new InMemoryVectorIndex(dimensions);
        var vectors = new Dictionary<string, float[]>();
        for (var i = 0; i < InMemoryVectorIndex.BlockRows * 2 + 500; i++)
        {
            vectors[$"q#{i}"] = i % 2 == 0 ? Dense(random, dimensions) : Sparse(random, dimensions);
        }

        await index.UpsertAsync([.. vectors.Select(v => Record(v.Key, v.Value))], Ct);
        var deleted = vectors.Keys.Where((_, i) => i % 7 == 3 || i > vectors.Count - 40).ToList();
        await index.DeleteAsync(deleted, Ct);
        deleted.ForEach(id => vectors.Remove(id));
        Assert.Equal(vectors.Count, index.Count);

        for (var n = 0; n < 40; n++)
        {
            var query = n % 2 == 0 ? Dense(random, dimensions) : Sparse(random, dimensions);
            var hits = await index.SearchAsync(query, 10, null, Ct);
            var exact = vectors.ToDictionary(v => v.Key, v => TensorPrimitives.CosineSimilarity(v.Value, query));
            Assert.Equal(10, hits.Count);
            Assert.All(hits, h => Assert.Equal(exact[h.Id], h.Score, 0.01f));
            var tenth = exact.Values.OrderDescending().ElementAt(9);
            Assert.All(exact.Where(e => e.Value > tenth + 0.02f), e => Assert.Contains(hits, h => h.Id == e.Key));
        }
    }

    [Fact]
    public async Task Rows_deleted_back_into_an_earlier_block_and_added_again_are_found_as_before()
    {
        const int dimensions = 64;
        var random = new Random(11);
        var index = new InMemoryVectorIndex(dimensions);
        var vectors = Enumerable.Range(0, InMemoryVectorIndex.BlockRows + 10).ToDictionary(i => $"q#{i}", _ => Sparse(random, dimensions));
        await index.UpsertAsync([.. vectors.Select(v => Record(v.Key, v.Value))], Ct);

        var gone = vectors.Keys.Skip(InMemoryVectorIndex.BlockRows - 5).ToList();
        await index.DeleteAsync(gone, Ct);
        Assert.Equal(InMemoryVectorIndex.BlockRows - 5, index.Count);
        Assert.DoesNotContain(await index.SearchAsync(vectors[gone[^1]], 10, null, Ct), h => gone.Contains(h.Id));

        await index.UpsertAsync([Record("again#0", vectors[gone[^1]])], Ct);
        Assert.Equal(InMemoryVectorIndex.BlockRows - 4, index.Count);
        Assert.Equal("again#0", (await index.SearchAsync(vectors[gone[^1]], 1, null, Ct))[0].Id);
        Assert.Equal("q#7", (await index.SearchAsync(vectors["q#7"], 1, null, Ct))[0].Id);
    }

    private static float[] Dense(Random random, int dimensions) =>
        Unit([.. Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1))]);

    /// <summary>Like the hashed embedder's: a few dozen non-zero dimensions.</summary>
    private static float[] Sparse(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var i = 0; i < 30; i++)
        {
            vector[random.Next(dimensions)] += random.Next(2) == 0 ? 1f : -0.45f;
        }

        return Unit(vector);
    }
}
