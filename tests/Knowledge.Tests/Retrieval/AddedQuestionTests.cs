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
}
