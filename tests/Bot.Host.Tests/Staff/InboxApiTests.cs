using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The inbox over HTTP: an attach adds only phrasings the article does not have yet (and says how many it skipped), without
/// masked data or its cue words; each question shows its segment and the articles the bot had; the dashboard's frequent
/// unanswered questions follow its period, channel and segment, in the CSV too.
/// </summary>
public sealed class InboxApiTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Attaching_skips_phrasings_the_article_already_has_and_leaves_masked_data_and_its_cue_words_out()
    {
        using var moderator = await ClientAsync("inbox-api-1", "moderator");
        var ids = await KeepAsync(
            Question("как получить медицинскую справку"),
            Question("где взять справку для бассейна сыну, мой телефон [телефон]"),
            Question("ГДЕ ВЗЯТЬ СПРАВКУ ДЛЯ БАССЕЙНА СЫНУ?"));

        using var response = await moderator.PostAsJsonAsync("api/moderation/inbox/attach", new { messageIds = ids, articleId = "records-certificates" });

        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("count").GetInt32());
        Assert.Equal(1, result.GetProperty("skipped").GetInt32());
        Assert.Contains("уже были в статье и пропущены: 1", result.GetProperty("message").GetString());
        var phrasings = app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().FindArticle("records-certificates")!.Questions;
        Assert.Single(phrasings, p => p == "где взять справку для бассейна сыну");
        Assert.Single(phrasings, p => p.Contains("медицинскую справку", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(phrasings, p => p.Contains("телефон", StringComparison.Ordinal) || p.Contains('['));
        Assert.Empty(await app.Services.GetRequiredService<DialogStores>().Unanswered.ListOpenAsync(ids, CancellationToken.None));
    }

    [Fact]
    public async Task A_phrasing_with_a_long_number_the_masking_missed_is_not_added_to_the_KB_and_the_moderator_is_told()
    {
        using var moderator = await ClientAsync("inbox-api-5", "moderator");
        var ids = await KeepAsync(Question("запись к окулисту ребенку 3321122 перезвоните"), Question("запись к окулисту для ребенка"));

        using var response = await moderator.PostAsJsonAsync("api/moderation/inbox/attach", new { messageIds = ids, articleId = "appointment-specialist" });

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("count").GetInt32());
        Assert.Contains("с длинными номерами (похоже на личные данные) не добавлены: 1", result.GetProperty("message").GetString());
        var phrasings = app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().FindArticle("appointment-specialist")!.Questions;
        Assert.DoesNotContain(phrasings, p => p.Contains("3321122", StringComparison.Ordinal));
        Assert.Contains("запись к окулисту для ребенка", phrasings);
    }

    [Fact]
    public async Task Each_question_shows_its_segment_the_articles_the_bot_offered_and_the_one_that_did_not_help()
    {
        using var moderator = await ClientAsync("inbox-api-2", "moderator");
        var ids = await KeepAsync(
            Question("полис омс для новорожденного оформить", UnansweredKind.NotHelped, segment: "medic") with { CandidateArticleIds = ["oms-get-policy"], ArticleId = "oms-get-policy" },
            Question("больничный лист уходу за ребенком", UnansweredKind.ClarifyIgnored) with { CandidateArticleIds = ["sick-leave-get", "clinic-attach"] });

        var groups = await moderator.GetFromJsonAsync<JsonElement>("api/moderation/inbox");

        var messages = groups.EnumerateArray().SelectMany(g => g.GetProperty("messages").EnumerateArray()).ToList();
        var notHelped = messages.Single(m => m.GetProperty("id").GetInt64() == ids[0]);
        Assert.Equal("medic", notHelped.GetProperty("segment").GetString());
        Assert.Equal("Как получить полис ОМС", notHelped.GetProperty("article").GetProperty("title").GetString());
        Assert.Empty(notHelped.GetProperty("offered").EnumerateArray());
        var ignored = messages.Single(m => m.GetProperty("id").GetInt64() == ids[1]);
        Assert.Equal(["Как оформить больничный", "Как прикрепиться к поликлинике"], ignored.GetProperty("offered").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, ignored.GetProperty("article").ValueKind);
    }

    [Fact]
    public async Task The_dashboards_frequent_unanswered_questions_follow_its_period_channel_and_segment()
    {
        using var moderator = await ClientAsync("inbox-api-3", "moderator");
        using var supervisor = await ClientAsync("inbox-api-4", "supervisor");
        await KeepAsync(
            Question("сколько стоит билет в планетарий", channel: "telegram", segment: "citizen"),
            Question("сколько стоит билет в планетарий", channel: "telegram", segment: "citizen"),
            Question("сколько стоит билет в планетарий", channel: "telegram", segment: "citizen"),
            Question("расписание электричек до дачи", channel: "vk", segment: "business"),
            Question("расписание электричек до дачи", channel: "vk", segment: "business"));
        await moderator.GetFromJsonAsync<JsonElement>("api/moderation/inbox");

        async Task<List<(string, int)>> TopAsync(string query) =>
            [.. (await supervisor.GetFromJsonAsync<JsonElement>("api/supervisor/dashboard" + query)).GetProperty("topUnanswered").EnumerateArray()
                .Select(u => (u.GetProperty("example").GetString()!, u.GetProperty("count").GetInt32()))];

        Assert.Equal([("сколько стоит билет в планетарий", 3)], await TopAsync("?channel=telegram"));
        Assert.Equal([("расписание электричек до дачи", 2)], await TopAsync("?channel=vk"));
        Assert.Equal([("расписание электричек до дачи", 2)], await TopAsync("?segment=business"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Empty(await TopAsync($"?from={today.AddDays(10):yyyy-MM-dd}&to={today.AddDays(20):yyyy-MM-dd}"));
        Assert.Empty(await TopAsync($"?from={today.AddDays(-60):yyyy-MM-dd}&to={today.AddDays(-31):yyyy-MM-dd}"));

        var csv = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync("api/supervisor/dashboard.csv?table=unanswered&channel=telegram"));
        Assert.Contains("сколько стоит билет в планетарий,3", csv);
        Assert.DoesNotContain("электричек", csv);
    }

    [Fact]
    public async Task The_same_questions_attached_twice_at_once_add_their_phrasing_once()
    {
        using var moderator = await ClientAsync("inbox-api-8", "moderator");
        var ids = await KeepAsync(Question("прививка от клеща ребенку где сделать бесплатно"));

        var calls = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => moderator.PostAsJsonAsync("api/moderation/inbox/attach", new { messageIds = ids, articleId = "vaccine-calendar" })));

        var messages = new List<string>();
        foreach (var call in calls)
        {
            // The one that finds them taken is a 409 problem with the message as its detail.
            var body = await call.Content.ReadFromJsonAsync<JsonElement>();
            messages.Add(body.GetProperty(call.IsSuccessStatusCode ? "message" : "detail").GetString()!);
            call.Dispose();
        }

        Assert.Single(messages, m => m.StartsWith("Прикреплены", StringComparison.Ordinal));
        Assert.Single(messages, m => m == "Выбранные вопросы уже разобраны.");
        var phrasings = app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().FindArticle("vaccine-calendar")!.Questions;
        Assert.Single(phrasings, p => p == "прививка от клеща ребенку где сделать бесплатно");
    }

    [Fact]
    public async Task A_question_that_starts_like_a_formula_is_text_in_the_CSV()
    {
        using var moderator = await ClientAsync("inbox-api-6", "moderator");
        using var supervisor = await ClientAsync("inbox-api-7", "supervisor");
        await KeepAsync(
            Question("=HYPERLINK(\"http://example.com\";\"справка\") где взять", channel: "vk", segment: "medic"),
            Question("=HYPERLINK(\"http://example.com\";\"справка\") где взять", channel: "vk", segment: "medic"));
        await moderator.GetFromJsonAsync<JsonElement>("api/moderation/inbox");

        var csv = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync("api/supervisor/dashboard.csv?table=unanswered&segment=medic"));

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.com\"\";\"\"справка\"\") где взять\",2", csv);
    }

    private async Task<HttpClient> ClientAsync(string login, string role)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync(login, role));
        return client;
    }

    private static UnansweredMessage Question(string text, UnansweredKind kind = UnansweredKind.Fallback, string channel = "web", string? segment = null) =>
        new() { ConversationId = Guid.NewGuid().ToString("N"), Channel = channel, Segment = segment, Text = text, Kind = kind, At = DateTimeOffset.UtcNow };

    /// <summary>Keeps the questions as the dialog engine would and returns their ids, in order.</summary>
    private async Task<List<long>> KeepAsync(params UnansweredMessage[] messages)
    {
        var store = app.Services.GetRequiredService<DialogStores>().Unanswered;
        var before = (await store.ListAsync(UnansweredStatus.Open, 1, CancellationToken.None)).FirstOrDefault()?.Id ?? 0;
        foreach (var message in messages)
        {
            await store.AddAsync(message, CancellationToken.None);
        }

        // Ids grow; other tests of the class may keep questions at the same time only in sequence (xUnit runs a class's tests one by one).
        var all = await store.ListAsync(UnansweredStatus.Open, 1000, CancellationToken.None);
        return [.. all.Where(m => m.Id > before).OrderBy(m => m.Id).Select(m => m.Id)];
    }
}
