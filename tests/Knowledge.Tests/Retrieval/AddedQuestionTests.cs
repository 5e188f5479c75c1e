using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Retrieval;

public sealed class AddedQuestionTests
{
    [Fact]
    public async Task A_question_added_at_run_time_scores_as_it_will_after_a_restart()
    {
        await using var host = await KnowledgeHost.StartAsync();
        const string phrasing = "шмурдяк кракозябра";

        Assert.True(await host.Service.AddQuestionAsync("records-certificates", phrasing, CancellationToken.None));
        var live = await host.AskAsync(phrasing);
        await host.Service.RebuildAsync(CancellationToken.None);
        var rebuilt = await host.AskAsync(phrasing);

        Assert.Equal("records-certificates", live.Candidates[0].ArticleId);
        Assert.Equal(rebuilt.Candidates[0].ArticleId, live.Candidates[0].ArticleId);
        Assert.InRange(live.Candidates[0].Score, rebuilt.Candidates[0].Score - 0.05f, rebuilt.Candidates[0].Score + 0.05f);
    }

    [Fact]
    public async Task Phrasings_attached_together_are_one_new_version_the_same_in_the_store_and_in_the_search()
    {
        await using var host = await KnowledgeHost.StartAsync();
        var before = host.Service.FindArticle("records-certificates")!.Version;

        Assert.Equal(3, await host.Service.AddQuestionsAsync(
            [("records-certificates", "шмурдяк кракозябра"), ("records-certificates", "бурдымага справка"), ("sick-leave-get", "зюзюка больничный")],
            CancellationToken.None));
        Assert.True(await host.Service.AddQuestionAsync("records-certificates", "вжухлик тыдыщ", CancellationToken.None));

        // Two changes of the article, two versions; the search's copy says the same as the store, so the next save numbers on.
        var stored = (await host.Service.ExportAsync(CancellationToken.None)).Articles.Single(a => a.Id == "records-certificates");
        Assert.Equal(before + 2, stored.Version);
        Assert.Equal(stored.Version, host.Service.FindArticle("records-certificates")!.Version);
        Assert.Equal(stored.UpdatedAt, host.Service.FindArticle("records-certificates")!.UpdatedAt);
        Assert.Equal(["шмурдяк кракозябра", "бурдымага справка", "вжухлик тыдыщ"], stored.Questions.TakeLast(3));
    }
}

/// <summary>Changes of the KB that meet: each one stays, none is stored over another; a save over a changed article is refused.</summary>
public sealed class ConcurrentKbChangeTests
{
    [Fact]
    public async Task Saves_of_two_articles_and_an_attach_at_the_same_time_all_stay()
    {
        await using var host = await KnowledgeHost.StartAsync();
        var first = host.Service.FindArticle("records-certificates")!;
        var second = host.Service.FindArticle("sick-leave-get")!;
        var now = DateTimeOffset.UtcNow;

        var saveFirst = host.Service.SaveArticleAsync(first with { Title = "Справки и выписки: как получить" }, now, CancellationToken.None);
        var saveSecond = host.Service.SaveArticleAsync(second with { Title = "Больничный: как оформить" }, now, CancellationToken.None);
        var attach = host.Service.AddQuestionsAsync([("records-certificates", "шмурдяк кракозябра справка")], CancellationToken.None);
        await Task.WhenAll(saveFirst, saveSecond, attach);

        Assert.True((await saveFirst).IsValid && (await saveSecond).IsValid);
        Assert.Equal(1, await attach);
        var stored = (await host.Service.ExportAsync(CancellationToken.None)).Articles;
        Assert.Equal("Справки и выписки: как получить", stored.Single(a => a.Id == "records-certificates").Title);
        Assert.Contains("шмурдяк кракозябра справка", stored.Single(a => a.Id == "records-certificates").Questions);
        Assert.Equal("Больничный: как оформить", stored.Single(a => a.Id == "sick-leave-get").Title);
    }

    [Fact]
    public async Task A_save_that_expects_an_older_version_is_refused_and_changes_nothing()
    {
        await using var host = await KnowledgeHost.StartAsync();
        var opened = host.Service.FindArticle("records-certificates")!;
        Assert.True(await host.Service.AddQuestionAsync("records-certificates", "шмурдяк кракозябра справка", CancellationToken.None));

        var refused = await host.Service.SaveArticleAsync(opened with { Title = "Справки" }, DateTimeOffset.UtcNow, CancellationToken.None, expectedVersion: opened.Version);

        Assert.True(refused.Conflict);
        var error = Assert.Single(refused.Errors);
        Assert.Equal($"the article is version {opened.Version + 1} now, not {opened.Version}: it was changed since it was opened", error.Message);
        var stored = host.Service.FindArticle("records-certificates")!;
        Assert.Equal((opened.Title, opened.Version + 1), (stored.Title, stored.Version));
        Assert.Contains("шмурдяк кракозябра справка", stored.Questions);
    }
}
