using Assistant.Knowledge.Model;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Assistant.Knowledge.Tests.TestSupport;
using Assistant.Tests.Servers;

namespace Assistant.Knowledge.Tests.Storage;

/// <summary>The KB in a real PostgreSQL server, shared by two store instances as two hosts would share it.</summary>
public sealed class PostgresKnowledgeStoreTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

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
        await writer.ReplaceAsync(Kb(), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var heardByListener = 0;
        var heardByWriter = 0;
        var listenerReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writerReady = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = listener.ListenAsync(_ => { Interlocked.Increment(ref heardByListener); return Task.CompletedTask; }, listenerReady.SetResult, stop.Token);
        var writerListening = writer.ListenAsync(_ => { Interlocked.Increment(ref heardByWriter); return Task.CompletedTask; }, writerReady.SetResult, stop.Token);

        // Each reloads once when it starts listening (a change may have come before).
        await Task.WhenAll(listenerReady.Task, writerReady.Task).WaitAsync(Patience);
        Assert.Equal((1, 1), (heardByListener, heardByWriter));

        await writer.AddQuestionAsync("a1", "новый вариант", CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref heardByListener) == 1 && waited.Elapsed < Patience)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(listening, writerListening).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.Equal(2, heardByListener);
        Assert.Equal(1, heardByWriter);
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

    private static KnowledgeBase Kb() => new()
    {
        LifeSituations = [new LifeSituation("oms", "ОМС")],
        Articles = [new Article { Id = "a1", LifeSituation = "oms", Title = "Полис ОМС", Questions = ["как получить полис"], Answer = "В страховой." }],
    };
}
