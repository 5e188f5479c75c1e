using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Api;

/// <summary>The app with one moderator account; <see cref="Key"/> is its personal API token.</summary>
public sealed class ModeratorAppWithKey : RunningApp
{
    public string Key { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Key = await AddStaffAsync("moderator", "moderator");
    }
}

public sealed class ModeratorApiTests(ModeratorAppWithKey app) : IClassFixture<ModeratorAppWithKey>
{
    [Fact]
    public async Task A_question_added_by_a_moderator_finds_its_article_from_the_next_message_on()
    {
        const string phrasing = "бумажка для бассейна шмурдяк";
        using var add = new HttpRequestMessage(HttpMethod.Post, "api/kb/articles/records-certificates/questions")
        {
            Content = JsonContent.Create(new { text = phrasing }),
        };
        add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Key);

        using var response = await app.Client.SendAsync(add);
        using var ask = await app.Client.PostAsJsonAsync("api/ask", new { text = phrasing });
        var result = await ask.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("records-certificates", result.GetProperty("candidates")[0].GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task Without_the_key_nothing_is_changed()
    {
        using var response = await app.Client.PostAsJsonAsync("api/kb/articles/records-certificates/questions", new { text = "что угодно" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_article_is_a_404()
    {
        using var add = new HttpRequestMessage(HttpMethod.Post, "api/kb/articles/no-such-article/questions") { Content = JsonContent.Create(new { text = "вопрос" }) };
        add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Key);

        using var response = await app.Client.SendAsync(add);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ModeratorApiRoleTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task An_operator_token_cannot_change_the_KB()
    {
        var token = await app.AddStaffAsync("op-not-moderator", "operator", "general");
        using var add = new HttpRequestMessage(HttpMethod.Post, "api/kb/articles/records-certificates/questions") { Content = JsonContent.Create(new { text = "вопрос" }) };
        add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await app.Client.SendAsync(add);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
