using Assistant.Knowledge.Model;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Storage;

public sealed class SqliteKnowledgeStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_new_store_is_empty()
    {
        var store = NewStore();

        Assert.True(await store.IsEmptyAsync(_ct));
        Assert.Empty((await store.LoadAsync(_ct)).Articles);
    }

    [Fact]
    public async Task The_seed_goes_only_into_an_empty_store()
    {
        var store = NewStore();
        var kb = SampleKb.Create();

        Assert.True(await store.ReplaceIfEmptyAsync(kb, _ct));
        Assert.False(await store.ReplaceIfEmptyAsync(kb with { Articles = [kb.Articles[0]] }, _ct));

        Assert.Equal(kb.Articles.Count, (await store.LoadAsync(_ct)).Articles.Count);
    }

    [Fact]
    public async Task A_replaced_KB_loads_back_with_every_field()
    {
        var store = NewStore();
        var kb = SampleKb.Create();

        await store.ReplaceAsync(kb, _ct);
        var loaded = await store.LoadAsync(_ct);

        Assert.False(await store.IsEmptyAsync(_ct));
        KbAssert.SameContent(kb, loaded);
        var draft = loaded.Articles[2];
        Assert.Equal(kb.Articles[2].Version, draft.Version);
        Assert.Equal(kb.Articles[2].UpdatedAt, draft.UpdatedAt);
    }

    [Fact]
    public async Task The_seed_KB_round_trips_through_the_store()
    {
        var store = NewStore();
        var seed = SeedKnowledgeBase.Load();

        await store.ReplaceAsync(seed, _ct);

        KbAssert.SameContent(seed, await store.LoadAsync(_ct));
    }

    [Fact]
    public async Task A_new_article_gets_an_update_time_when_the_file_gave_none()
    {
        var store = NewStore();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        await store.ReplaceAsync(SampleKb.Create(), _ct);

        var loaded = await store.LoadAsync(_ct);
        Assert.True(loaded.Articles[0].UpdatedAt > before);
    }

    [Fact]
    public async Task Replacing_drops_what_the_new_KB_no_longer_has()
    {
        var store = NewStore();
        var kb = SampleKb.Create();
        await store.ReplaceAsync(kb, _ct);

        await store.ReplaceAsync(kb with { Articles = [kb.Articles[0]], Synonyms = [] }, _ct);

        var loaded = await store.LoadAsync(_ct);
        Assert.Equal(["oms-get-policy"], loaded.Articles.Select(a => a.Id));
        Assert.Empty(loaded.Synonyms);
    }

    [Fact]
    public async Task Reimporting_an_unchanged_article_keeps_its_version_and_date()
    {
        var store = NewStore();
        var kb = SampleKb.Create();
        await store.ReplaceAsync(kb, _ct);
        var first = (await store.LoadAsync(_ct)).Articles[0];

        await store.ReplaceAsync(kb, _ct);

        var again = (await store.LoadAsync(_ct)).Articles[0];
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.UpdatedAt, again.UpdatedAt);
    }

    [Fact]
    public async Task Reimporting_a_changed_article_bumps_its_version_and_leaves_the_others_alone()
    {
        var store = NewStore();
        var kb = SampleKb.Create();
        await store.ReplaceAsync(kb, _ct);
        var before = (await store.LoadAsync(_ct)).Articles.ToDictionary(a => a.Id);

        var edited = kb.Articles[0] with { Answer = kb.Articles[0].Answer + " Полис действует по всей России." };
        await store.ReplaceAsync(kb with { Articles = [edited, kb.Articles[1], kb.Articles[2]] }, _ct);

        var after = (await store.LoadAsync(_ct)).Articles.ToDictionary(a => a.Id);
        Assert.Equal(before["oms-get-policy"].Version + 1, after["oms-get-policy"].Version);
        Assert.Equal(edited.Answer, after["oms-get-policy"].Answer);
        Assert.Equal(before["sick-leave-payment"].Version, after["sick-leave-payment"].Version);
        Assert.Equal(before["sick-leave-errors"].Version, after["sick-leave-errors"].Version);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("questions")]
    [InlineData("segments")]
    [InlineData("sources")]
    [InlineData("status")]
    public async Task Any_content_change_counts_as_a_new_version(string change)
    {
        var store = NewStore();
        var kb = SampleKb.Create();
        await store.ReplaceAsync(kb, _ct);
        var original = kb.Articles[1];
        var edited = change switch
        {
            "title" => original with { Title = "Кто и когда оплачивает больничный" },
            "questions" => original with { Questions = [.. original.Questions, "когда переведут пособие"] },
            "segments" => original with { Segments = [Segment.Citizen] },
            "sources" => original with { Sources = [original.Sources[0]] },
            "status" => original with { Status = ArticleStatus.Draft },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        await store.ReplaceAsync(kb with { Articles = [kb.Articles[0], edited, kb.Articles[2]] }, _ct);

        Assert.Equal(original.Version + 1, (await store.LoadAsync(_ct)).Articles[1].Version);
    }

    [Fact]
    public async Task A_file_carrying_a_higher_version_keeps_it()
    {
        var store = NewStore();
        var kb = SampleKb.Create();
        await store.ReplaceAsync(kb, _ct);

        var edited = kb.Articles[0] with { Title = "Оформление полиса ОМС", Version = 7 };
        await store.ReplaceAsync(kb with { Articles = [edited, kb.Articles[1], kb.Articles[2]] }, _ct);

        Assert.Equal(7, (await store.LoadAsync(_ct)).Articles[0].Version);
    }

    [Fact]
    public async Task An_added_question_is_appended_and_bumps_the_version()
    {
        var store = NewStore();
        await store.ReplaceAsync(SampleKb.Create(), _ct);
        var before = (await store.LoadAsync(_ct)).Articles[0];

        var added = await store.AddQuestionAsync("oms-get-policy", "где сделать медполис", _ct);

        Assert.True(added);
        var after = (await store.LoadAsync(_ct)).Articles[0];
        Assert.Equal([.. before.Questions, "где сделать медполис"], after.Questions);
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task Questions_added_together_are_one_new_version()
    {
        var store = NewStore();
        await store.ReplaceAsync(SampleKb.Create(), _ct);
        var before = (await store.LoadAsync(_ct)).Articles[0];

        var changed = await store.AddQuestionsAsync("oms-get-policy", ["где сделать медполис", "медполис где взять"], _ct);

        var after = (await store.LoadAsync(_ct)).Articles[0];
        Assert.Equal([.. before.Questions, "где сделать медполис", "медполис где взять"], after.Questions);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal((after.Version, after.UpdatedAt), (changed!.Version, changed.UpdatedAt));
        Assert.Equal(after.Questions, changed.Questions);
        Assert.Null(await store.AddQuestionsAsync("no-such-article", ["вопрос"], _ct));
    }

    [Fact]
    public async Task Adding_a_question_to_an_unknown_article_changes_nothing()
    {
        var store = NewStore();
        var kb = SampleKb.Create();
        await store.ReplaceAsync(kb, _ct);

        var added = await store.AddQuestionAsync("no-such-article", "где сделать медполис", _ct);

        Assert.False(added);
        KbAssert.SameContent(kb, await store.LoadAsync(_ct));
    }

    [Fact]
    public async Task Data_survives_a_new_store_on_the_same_file()
    {
        var path = _directory.File("knowledge.db");
        var kb = SampleKb.Create();
        var first = new SqliteKnowledgeStore(path);
        await first.ReplaceAsync(kb, _ct);
        await first.AddQuestionAsync("sick-leave-payment", "когда заплатят за больничный", _ct);

        var second = new SqliteKnowledgeStore(path);

        var loaded = await second.LoadAsync(_ct);
        Assert.False(await second.IsEmptyAsync(_ct));
        Assert.Equal(kb.Articles.Select(a => a.Id), loaded.Articles.Select(a => a.Id));
        Assert.Equal("когда заплатят за больничный", loaded.Articles[1].Questions[^1]);
        Assert.Equal(kb.Synonyms.Count, loaded.Synonyms.Count);
    }

    [Fact]
    public async Task Text_that_looks_like_SQL_is_stored_as_plain_text()
    {
        var store = NewStore();
        await store.ReplaceAsync(SampleKb.Create(), _ct);

        await store.AddQuestionAsync("oms-get-policy", "'; DROP TABLE articles; --", _ct);

        var loaded = await store.LoadAsync(_ct);
        Assert.Equal(3, loaded.Articles.Count);
        Assert.Equal("'; DROP TABLE articles; --", loaded.Articles[0].Questions[^1]);
    }

    [Fact]
    public async Task The_store_creates_its_folder_when_missing()
    {
        var store = new SqliteKnowledgeStore(Path.Combine(_directory.Path, "data", "kb", "knowledge.db"));

        await store.ReplaceAsync(SampleKb.Create(), _ct);

        Assert.True(File.Exists(Path.Combine(_directory.Path, "data", "kb", "knowledge.db")));
    }

    private SqliteKnowledgeStore NewStore() => new(_directory.File("knowledge.db"));
}
