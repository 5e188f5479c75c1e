using Assistant.Knowledge.Model;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Assistant.Knowledge.Tests.TestSupport;
using Assistant.Tests.Servers;

namespace Assistant.Knowledge.Tests.Storage;

/// <summary>The KB in a real PostgreSQL server, shared by two store instances as two hosts would share it.</summary>
public sealed class PostgresKnowledgeStoreTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_seed_KB_round_trips_with_every_field()
    {
        await using var store = new PostgresKnowledgeStore(await server.CreateDatabaseAsync());
        Assert.True(await store.IsEmptyAsync(CancellationToken.None));
        var seed = SeedKnowledgeBase.Load();

        await store.ReplaceAsync(seed, CancellationToken.None);
        var loaded = await store.LoadAsync(CancellationToken.None);

        Assert.False(await store.IsEmptyAsync(CancellationToken.None));
        Assert.Equal(seed.LifeSituations, loaded.LifeSituations);
        Assert.Equal(seed.Synonyms.Select(g => string.Join("|", g)), loaded.Synonyms.Select(g => string.Join("|", g)));
        Assert.Equal(seed.Articles.Count, loaded.Articles.Count);
        var (a, b) = (seed.Articles[0], loaded.Articles[0]);
        Assert.Equal((a.Id, a.LifeSituation, a.Title, a.Answer, a.HandoffGroup, a.Status), (b.Id, b.LifeSituation, b.Title, b.Answer, b.HandoffGroup, b.Status));
        Assert.Equal(a.Questions, b.Questions);
        Assert.Equal(a.Segments, b.Segments);
        Assert.Equal(a.Sources, b.Sources);
    }

    [Fact]
    public async Task A_replaced_KB_loads_back_with_every_field_versions_and_times_included()
    {
        await using var store = new PostgresKnowledgeStore(await server.CreateDatabaseAsync());
        var kb = SampleKb.Create();

        await store.ReplaceAsync(kb, CancellationToken.None);
        var loaded = await store.LoadAsync(CancellationToken.None);

        KbAssert.SameContent(kb, loaded);
        Assert.Equal(kb.Articles[2].Version, loaded.Articles[2].Version);
        Assert.Equal(kb.Articles[2].UpdatedAt, loaded.Articles[2].UpdatedAt);
    }

    [Fact]
    public async Task A_question_added_on_one_host_is_stored_once_and_an_unknown_article_changes_nothing()
    {
        var database = await server.CreateDatabaseAsync();
        await using var first = new PostgresKnowledgeStore(database);
        await using var second = new PostgresKnowledgeStore(database);
        await first.ReplaceAsync(Kb(), CancellationToken.None);

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? first : second).AddQuestionAsync("a1", $"вариант {i}", CancellationToken.None)));
        Assert.All(added, Assert.True);
        Assert.False(await second.AddQuestionAsync("no-such-article", "вопрос", CancellationToken.None));

        var article = Assert.Single((await second.LoadAsync(CancellationToken.None)).Articles);
        Assert.Equal(21, article.Questions.Count);
        Assert.Equal(21, article.Version);
    }

    [Fact]
    public async Task Another_host_hears_of_a_change_and_a_host_does_not_hear_its_own()
    {
        var database = await server.CreateDatabaseAsync();
        await using var writer = new PostgresKnowledgeStore(database);
        await using var listener = new PostgresKnowledgeStore(database);
        await using var third = new PostgresKnowledgeStore(database);
        await writer.ReplaceAsync(Kb(), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var (heardByWriter, heardByListener) = (new ReloadCounter(), new ReloadCounter());
        var (writerReady, listenerReady) = (new TaskCompletionSource(), new TaskCompletionSource());
        var writing = writer.ListenAsync(_ => heardByWriter.Heard(), () => writerReady.TrySetResult(), stop.Token);
        var listening = listener.ListenAsync(_ => heardByListener.Heard(), () => listenerReady.TrySetResult(), stop.Token);
        await Task.WhenAll(writerReady.Task, listenerReady.Task).WaitAsync(Patience);

        // Each reloads once when it starts listening (a change may have come before).
        Assert.Equal((1, 1), (heardByWriter.Count, heardByListener.Count));

        await writer.AddQuestionAsync("a1", "вариант с первого хоста", CancellationToken.None);
        await third.AddQuestionAsync("a1", "вариант с третьего хоста", CancellationToken.None);

        // Notifications arrive in commit order: once the writer has heard the third host's change, it has had its own too.
        await heardByListener.WaitForAsync(3);
        await heardByWriter.WaitForAsync(2);
        await stop.CancelAsync();
        await Task.WhenAll(writing, listening).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Equal(3, heardByListener.Count);
        Assert.Equal(2, heardByWriter.Count);
    }

    [Fact]
    public async Task Of_two_hosts_seeding_an_empty_store_only_the_first_writes_and_a_stored_KB_is_never_seeded_over()
    {
        var database = await server.CreateDatabaseAsync();
        await using var first = new PostgresKnowledgeStore(database);
        await using var second = new PostgresKnowledgeStore(database);

        Assert.True(await first.ReplaceIfEmptyAsync(Kb(), CancellationToken.None));
        await first.AddQuestionAsync("a1", "вопрос модератора", CancellationToken.None);

        Assert.False(await second.ReplaceIfEmptyAsync(SeedKnowledgeBase.Load(), CancellationToken.None));
        Assert.Contains("вопрос модератора", Assert.Single((await second.LoadAsync(CancellationToken.None)).Articles).Questions);
    }

    [Fact]
    public async Task A_NUL_character_that_jsonb_cannot_hold_is_dropped()
    {
        await using var store = new PostgresKnowledgeStore(await server.CreateDatabaseAsync());
        await store.ReplaceAsync(Kb(), CancellationToken.None);

        Assert.True(await store.AddQuestionAsync("a1", "до\0после", CancellationToken.None));

        Assert.Contains("допосле", Assert.Single((await store.LoadAsync(CancellationToken.None)).Articles).Questions);
    }

    [Fact]
    public async Task Two_hosts_saving_different_articles_at_once_both_keep_their_change()
    {
        var database = await server.CreateDatabaseAsync();
        await using var firstStore = new PostgresKnowledgeStore(database);
        await using var secondStore = new PostgresKnowledgeStore(database);
        var first = Host(firstStore);
        var second = Host(secondStore);
        await first.InitializeAsync(SampleKb.Create, CancellationToken.None);
        await second.InitializeAsync(null, CancellationToken.None);
        var kb = await firstStore.LoadAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        // Each host reads the whole KB and stores it back with its change: without one step for both, one change is lost.
        for (var round = 0; round < 5; round++)
        {
            var (a, b) = (kb.Articles[0], kb.Articles[1]);
            var results = await Task.WhenAll(
                first.SaveArticleAsync(a with { Title = $"{a.Title} {round}" }, now, CancellationToken.None),
                second.SaveArticleAsync(b with { Title = $"{b.Title} {round}" }, now, CancellationToken.None));
            Assert.All(results, r => Assert.True(r.IsValid, string.Join("; ", r.Errors)));
        }

        var stored = await firstStore.LoadAsync(CancellationToken.None);
        Assert.Equal($"{kb.Articles[0].Title} 4", stored.Articles[0].Title);
        Assert.Equal($"{kb.Articles[1].Title} 4", stored.Articles[1].Title);

        // A save that expects the version the other host has just replaced is refused.
        var stale = await first.SaveArticleAsync(kb.Articles[0] with { Title = "устаревшая форма" }, now, CancellationToken.None, expectedVersion: kb.Articles[0].Version);
        Assert.True(stale.Conflict);
    }

    private static Assistant.Knowledge.Retrieval.KnowledgeService Host(IKnowledgeStore store) =>
        new(store, new Assistant.Knowledge.Embedding.HashedNgramEmbeddingGenerator(), dims => new Assistant.Knowledge.Index.InMemoryVectorIndex(dims), Microsoft.Extensions.Options.Options.Create(new Assistant.Knowledge.Retrieval.RetrievalOptions()));

    private static KnowledgeBase Kb() => new()
    {
        LifeSituations = [new LifeSituation("oms", "ОМС")],
        Articles = [new Article { Id = "a1", LifeSituation = "oms", Title = "Полис ОМС", Questions = ["как получить полис"], Answer = "В страховой." }],
    };
}

/// <summary>Counts reloads and lets a test wait for a count, without guessing how long it takes.</summary>
internal sealed class ReloadCounter
{
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];

    public int Count { get; private set; }

    public Task Heard()
    {
        lock (_waiters)
        {
            Count++;
            foreach (var waiter in _waiters.Where(w => w.Count <= Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Completes once <see cref="Count"/> reaches <paramref name="count"/>; fails after a minute (something is wrong then).</summary>
    public Task WaitForAsync(int count)
    {
        lock (_waiters)
        {
            if (Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }
}
