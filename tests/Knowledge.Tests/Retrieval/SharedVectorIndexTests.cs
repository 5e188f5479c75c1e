using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Assistant.Knowledge.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge.Tests.Retrieval;

/// <summary>
/// Several hosts building into one vector collection (as with Qdrant): a build prunes what an earlier KB left, but a host that
/// built from an older KB never deletes what a newer one added.
/// </summary>
public sealed class SharedVectorIndexTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly InMemoryVectorIndex _shared = new(new HashedNgramEmbeddingGenerator().Dimensions);

    [Fact]
    public async Task A_build_deletes_the_vectors_of_articles_the_KB_no_longer_has()
    {
        var store = new SqliteKnowledgeStore(_directory.File("kb.db"));
        var host = Host(store);
        await host.InitializeAsync(SeedKnowledgeBase.Load, CancellationToken.None);
        var seedVectors = _shared.Count;
        var seed = SeedKnowledgeBase.Load();
        var kept = seed.Articles.Take(3).ToList();

        await host.ImportAsync(seed with { Articles = kept, LifeSituations = seed.LifeSituations.Where(s => kept.Any(a => a.LifeSituation == s.Id)).ToList() }, CancellationToken.None);

        Assert.True(_shared.Count < seedVectors);
        Assert.Equal(kept.Sum(a => a.Questions.Prepend(a.Title).Distinct().Count()), _shared.Count);
    }

    [Fact]
    public async Task A_host_that_built_from_an_older_KB_does_not_delete_a_question_another_host_added_since()
    {
        var store = new SqliteKnowledgeStore(_directory.File("kb.db"));
        var hostB = Host(store);
        await hostB.InitializeAsync(SeedKnowledgeBase.Load, CancellationToken.None);
        var older = await store.LoadAsync(CancellationToken.None);

        // B adds a question; A then builds from the KB as it read it before that change (its read raced B's write).
        await hostB.AddQuestionAsync("records-certificates", "зюзюка брямс для вжуха", CancellationToken.None);
        var withAdded = _shared.Count;
        var hostA = Host(new FirstReadStale(store, older));
        await hostA.RebuildAsync(CancellationToken.None);

        Assert.Equal(withAdded, _shared.Count);
        var found = await hostB.AskAsync(new AskRequest("зюзюка брямс для вжуха", null, null), CancellationToken.None);
        Assert.True(found.Candidates[0].Vector > 0.99f, "B's new question still has its vector");
    }

    public void Dispose() => _directory.Dispose();

    private KnowledgeService Host(IKnowledgeStore store) =>
        new(store, new HashedNgramEmbeddingGenerator(), _ => _shared, Options.Create(new RetrievalOptions()));

    /// <summary>A store whose first read returns an older snapshot, as a host that read just before another host's change.</summary>
    private sealed class FirstReadStale(IKnowledgeStore inner, KnowledgeBase older) : IKnowledgeStore
    {
        private int _reads;

        public Task<KnowledgeBase> LoadAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _reads) == 1 ? Task.FromResult(older) : inner.LoadAsync(cancellationToken);

        public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => inner.IsEmptyAsync(cancellationToken);

        public Task ReplaceAsync(KnowledgeBase kb, CancellationToken cancellationToken) => inner.ReplaceAsync(kb, cancellationToken);

        public Task<bool> ReplaceIfEmptyAsync(KnowledgeBase kb, CancellationToken cancellationToken) => inner.ReplaceIfEmptyAsync(kb, cancellationToken);

        public Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken) =>
            inner.AddQuestionAsync(articleId, question, cancellationToken);
    }
}
