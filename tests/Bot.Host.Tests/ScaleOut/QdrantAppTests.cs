using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Api;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Tests.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.ScaleOut;

/// <summary>
/// The real app with ConnectionStrings:Qdrant: question vectors go to a Qdrant collection through the real Qdrant.Client, here
/// against a local server speaking Qdrant's gRPC protocol.
/// </summary>
public sealed class QdrantAppTests
{
    private const string ApiKey = "qdrant-test-key";

    [Fact]
    public async Task The_app_keeps_its_question_vectors_in_Qdrant_searches_them_and_adds_a_moderators_question_there()
    {
        await using var qdrant = await FakeQdrantServer.StartAsync(ApiKey);
        var app = QdrantApp(qdrant);
        await app.InitializeAsync();
        try
        {
            var collection = Assert.Single(qdrant.State.Collections, c => c.Key.StartsWith("kb_test_", StringComparison.Ordinal)).Value;
            Assert.Equal(DistinctTexts(SeedKnowledgeBase.Load().Articles), collection.Points.Count);

            var asked = await AskAsync(app, "как получить полис омс");
            Assert.Equal("answer", asked.GetProperty("decision").GetString());
            Assert.Equal("oms-get-policy", asked.GetProperty("candidates")[0].GetProperty("articleId").GetString());
            Assert.Contains("Query", qdrant.State.Calls);
            Assert.True(asked.GetProperty("candidates")[0].GetProperty("vector").GetDouble() > 0.5, "the vector signal came from Qdrant");

            var before = collection.Points.Count;
            await AddQuestionAsync(app, "records-certificates", "бумажка для бассейна от терапевта");

            Assert.Equal(before + 1, collection.Points.Count);
            Assert.Contains(collection.Points.Values, p => p.Payload["article_id"].StringValue == "records-certificates"
                && p.Payload["key"].StringValue.StartsWith("records-certificates#", StringComparison.Ordinal)
                && p.Payload["status"].StringValue == "published");
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Importing_a_smaller_KB_removes_the_old_articles_vectors_from_the_collection()
    {
        await using var qdrant = await FakeQdrantServer.StartAsync(ApiKey);
        var app = QdrantApp(qdrant);
        await app.InitializeAsync();
        try
        {
            var knowledge = app.Services.GetRequiredService<KnowledgeService>();
            var seed = SeedKnowledgeBase.Load();
            var kept = seed.Articles.Where(a => a.LifeSituation == seed.Articles[0].LifeSituation).ToList();
            var smaller = seed with { Articles = kept, LifeSituations = seed.LifeSituations.Where(s => s.Id == kept[0].LifeSituation).ToList() };

            var result = await knowledge.ImportAsync(smaller, CancellationToken.None);

            Assert.True(result.IsValid);
            var collection = Assert.Single(qdrant.State.Collections).Value;
            Assert.Equal(DistinctTexts(kept), collection.Points.Count);
            Assert.All(collection.Points.Values, p => Assert.Contains(kept, a => a.Id == p.Payload["article_id"].StringValue));
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Questions_are_still_answered_and_added_while_Qdrant_is_down()
    {
        var qdrant = await FakeQdrantServer.StartAsync(ApiKey);
        var app = QdrantApp(qdrant);
        await app.InitializeAsync();
        try
        {
            await qdrant.DisposeAsync();

            var asked = await AskAsync(app, "как получить полис омс");
            Assert.Equal("oms-get-policy", asked.GetProperty("candidates")[0].GetProperty("articleId").GetString());
            Assert.NotEqual("fallback", asked.GetProperty("decision").GetString());

            const string phrasing = "зюзюка брямс для вжуха";
            await AddQuestionAsync(app, "records-certificates", phrasing);
            Assert.Equal("records-certificates", (await AskAsync(app, phrasing)).GetProperty("candidates")[0].GetProperty("articleId").GetString());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_Qdrant_that_hangs_does_not_keep_the_answer_from_coming()
    {
        await using var qdrant = await FakeQdrantServer.StartAsync(ApiKey);
        var app = QdrantApp(qdrant, ("Qdrant:Timeout", "00:00:01"));
        await app.InitializeAsync();
        try
        {
            qdrant.State.Hang = true;

            var asked = await AskAsync(app, "как получить полис омс");

            Assert.Equal("oms-get-policy", asked.GetProperty("candidates")[0].GetProperty("articleId").GetString());
            Assert.Equal(0, asked.GetProperty("candidates")[0].GetProperty("vector").GetDouble());
        }
        finally
        {
            qdrant.State.Hang = false;
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("qdrant:6334")]
    [InlineData("tcp://qdrant:6334")]
    public async Task A_Qdrant_address_that_is_not_a_URL_stops_the_start_with_a_clear_error(string address)
    {
        var app = new ConfiguredApp(("ConnectionStrings:Qdrant", address));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(app.InitializeAsync);

        Assert.Contains("ConnectionStrings:Qdrant", error.Message);
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:00:00")]
    public async Task A_Qdrant_timeout_that_is_not_whole_seconds_stops_the_start_with_a_clear_error(string timeout)
    {
        await using var qdrant = await FakeQdrantServer.StartAsync(ApiKey);
        var app = QdrantApp(qdrant, ("Qdrant:Timeout", timeout));

        var error = await Assert.ThrowsAnyAsync<Exception>(app.InitializeAsync);

        Assert.Contains("Qdrant:Timeout", error.ToString());
        await app.DisposeAsync();
    }

    /// <summary>Points a KB gives: one per distinct title or question of an article (a repeated text is the same point).</summary>
    private static int DistinctTexts(IEnumerable<Assistant.Knowledge.Model.Article> articles) =>
        articles.SelectMany(a => a.Questions.Prepend(a.Title).Select(q => (a.Id, q))).Distinct().Count();

    private static ConfiguredApp QdrantApp(FakeQdrantServer qdrant, params (string, string)[] more) => new([
        ("ConnectionStrings:Qdrant", qdrant.Address.ToString()),
        ("Qdrant:Collection", "kb_test"),
        ("Qdrant:ApiKey", ApiKey),
        .. more]);

    private static async Task<JsonElement> AskAsync(RunningApp app, string text)
    {
        using var ask = await app.Client.PostAsJsonAsync("api/ask", new { text });
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        return await ask.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AddQuestionAsync(RunningApp app, string articleId, string text)
    {
        using var add = new HttpRequestMessage(HttpMethod.Post, $"api/kb/articles/{articleId}/questions") { Content = JsonContent.Create(new { text }) };
        add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await app.AddStaffAsync("moderator", "moderator"));
        using var added = await app.Client.SendAsync(add);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
    }
}
