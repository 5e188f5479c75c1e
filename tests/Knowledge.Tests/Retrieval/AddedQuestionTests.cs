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
