using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Tests.Servers;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The supervisors' dashboard against hand-computed figures of three conversations with known outcomes, on SQLite and on
/// PostgreSQL; and in Chromium: the rating under its article, life situation, channel and operator, the same figure in the CSV.
/// </summary>
public sealed class DashboardTests(PostgresServer postgres, ChromiumBrowser chromium) : IClassFixture<PostgresServer>, IClassFixture<ChromiumBrowser>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Figures_equal_the_hand_computed_ones_for_three_known_conversations(string store)
    {
        await using var app = store == "postgres" ? new ConfiguredApp(("ConnectionStrings:Postgres", await postgres.CreateDatabaseAsync())) : new ConfiguredApp();
        await app.InitializeAsync();
        await PlayThreeConversationsAsync(app);
        using var supervisor = new HttpClient { BaseAddress = app.Address };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync("sveta", "supervisor"));

        var d = await supervisor.GetFromJsonAsync<JsonElement>("api/supervisor/dashboard");

        Assert.Equal(3, d.GetProperty("conversations").GetInt64());
        Assert.Equal(1, d.GetProperty("botAlone").GetProperty("count").GetInt64());
        Assert.Equal(1, d.GetProperty("withFallback").GetProperty("count").GetInt64());
        Assert.Equal(2, d.GetProperty("handedOver").GetProperty("count").GetInt64());
        Assert.Equal([1L, 1L, 1L, 0L], d.GetProperty("transfers").EnumerateArray().Select(t => t.GetProperty("count").GetInt64()));
        Assert.Equal(2, d.GetProperty("times")[0].GetProperty("count").GetInt64());
        Row(d, "article", "oms-get-policy", count: 2, mean: 4.5, [0, 0, 0, 1, 1]);
        Row(d, "situation", "oms-policy", count: 2, mean: 4.5, [0, 0, 0, 1, 1]);
        Row(d, "channel", "web", count: 3, mean: 3.67, [0, 1, 0, 1, 1]);
        Row(d, "operator", "op-a", count: 1, mean: 2, [0, 1, 0, 0, 0]);
        Row(d, "operator", "op-b", count: 1, mean: 4, [0, 0, 0, 1, 0]);
        Row(d, "segment", "unknown", count: 3, mean: 3.67, [0, 1, 0, 1, 1]);

        var csv = await supervisor.GetByteArrayAsync("api/supervisor/dashboard.csv?table=csat-article");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n");
        Assert.Equal("ключ,название,оценок,средняя,1,2,3,4,5", lines[0]);
        Assert.Contains("oms-get-policy,Как получить полис ОМС,2,4.5,0,0,0,1,1", lines);
        var text = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync("api/supervisor/dashboard.csv?table=unanswered"));
        Assert.DoesNotContain("9123456789", text);

        var narrowed = await supervisor.GetFromJsonAsync<JsonElement>("api/supervisor/dashboard?channel=telegram");
        Assert.Equal(0, narrowed.GetProperty("conversations").GetInt64());

        // A period that ends before it starts is refused, not shown as a period with nothing in it.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/dashboard?from=2026-12-07&to=2026-11-01")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/dashboard.csv?table=requests&from=2026-12-07&to=2026-11-01")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/dashboard?to=9999-12-31")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/dashboard?from=0001-01-01")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/audit?from=0001-01-01")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/audit?to=9999-12-31")).StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Written_request_figures_equal_the_hand_computed_ones(string store)
    {
        await using var app = store == "postgres" ? new ConfiguredApp(("ConnectionStrings:Postgres", await postgres.CreateDatabaseAsync())) : new ConfiguredApp();
        await app.InitializeAsync();

        // Three requests filed in the chat: МЗ-000001 answered, МЗ-000002 closed without an answer (withdrawn), МЗ-000003 in work.
        for (var n = 1; n <= 3; n++)
        {
            var citizen = WebChatCalls.NewUserId();
            await WebChatCalls.SendAsync(app.Client, citizen, "написать обращение");
            await WebChatCalls.SendAsync(app.Client, citizen, "Прошу разъяснить порядок получения путёвки в санаторий");
            await WebChatCalls.SendAsync(app.Client, citizen, $"zayavitel{n}@example.ru");
        }

        using var desk = new HttpClient { BaseAddress = app.Address };
        desk.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync("rita", "operator", "general"));
        async Task Ok(string path, object body)
        {
            using var response = await desk.PostAsJsonAsync(path, body);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var number in new[] { "МЗ-000001", "МЗ-000002", "МЗ-000003" })
        {
            await Ok($"api/requests/{number}/assign", new { });
        }

        await Ok("api/requests/МЗ-000001/answer", new { text = "Путёвку выдаёт отделение Социального фонда по заявлению." });
        await Ok("api/requests/МЗ-000001/close", new { });
        await Ok("api/requests/МЗ-000002/close", new { reason = "гражданин отозвал обращение" });
        using var supervisor = new HttpClient { BaseAddress = app.Address };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync("sveta", "supervisor"));

        var d = await supervisor.GetFromJsonAsync<JsonElement>("api/supervisor/dashboard");

        var requests = d.GetProperty("requests");
        Assert.Equal(3, requests.GetProperty("filed").GetInt32());
        Assert.Equal(1, requests.GetProperty("answeredInTime").GetInt32());
        Assert.Equal(0, requests.GetProperty("answeredLate").GetInt32());
        Assert.Equal(0, requests.GetProperty("openOverdue").GetInt32());
        Assert.Equal(1, requests.GetProperty("openInTime").GetInt32());
        Assert.Equal(1, requests.GetProperty("closedUnanswered").GetInt32());
        // Each number was told in the turn that received the contact: all three within the first bucket, one second.
        var acknowledged = d.GetProperty("times").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Подтверждение письменного обращения номером");
        Assert.Equal(3, acknowledged.GetProperty("count").GetInt64());
        Assert.Equal(1, acknowledged.GetProperty("p90Seconds").GetInt32());
        var csv = Encoding.UTF8.GetString(await supervisor.GetByteArrayAsync("api/supervisor/dashboard.csv?table=requests"));
        Assert.Contains("\r\n3,1,0,0,1,1\r\n", csv);
        Assert.DoesNotContain("example.ru", csv);
    }

    [Fact]
    public async Task A_supervisor_sees_the_rating_under_its_article_situation_channel_and_operator_and_the_CSV_agrees()
    {
        await using var app = new ConfiguredApp();
        await app.InitializeAsync();
        await PlayThreeConversationsAsync(app);
        await app.AddStaffAsync("sveta", "supervisor");
        var page = await StaffBrowser.NewPageAsync(chromium, app);
        await page.GotoAsync("/staff/dashboard");
        await StaffBrowser.SignInAsync(page, "sveta");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Показатели", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("table.csat[data-dimension=article] tr[data-key=oms-get-policy]")).ToContainTextAsync("Как получить полис ОМС");
        await Expect(page.Locator("table.csat[data-dimension=article] tr[data-key=oms-get-policy] td").Nth(2)).ToHaveTextAsync("4,50");
        await Expect(page.Locator("table.csat[data-dimension=situation] tr[data-key=oms-policy] td").Nth(2)).ToHaveTextAsync("4,50");
        await Expect(page.Locator("table.csat[data-dimension=channel] tr[data-key=web] td").Nth(2)).ToHaveTextAsync("3,67");
        await Expect(page.Locator("table.csat[data-dimension=operator] tr[data-key=op-a] td").Nth(2)).ToHaveTextAsync("2,00");
        await Expect(page.Locator("svg[role=img]").First).ToBeVisibleAsync();
        AxeChecks.AssertNoSeriousViolations("the dashboard", await page.RunAxe());
        await Screenshots.SaveAsync(page, "dashboard");

        // The article's card: answers, handovers after it, ratings, the KB phrasings that found it.
        await page.Locator("table.csat[data-dimension=article]").GetByRole(AriaRole.Link, new() { Name = "Как получить полис ОМС" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Как получить полис ОМС", Level = 1 })).ToBeVisibleAsync();
        var figures = page.Locator("table.card-figures");
        await Expect(figures.Locator("tr", new() { HasText = "Бот ответил статьёй" })).ToContainTextAsync("2");
        await Expect(figures.Locator("tr", new() { HasText = "Позвали специалиста после ответа" })).ToContainTextAsync("1 (50 %)");
        await Expect(figures.Locator("tr", new() { HasText = "Средняя оценка" })).ToContainTextAsync("4,50");
        await Expect(figures.Locator("tr", new() { HasText = "выбрал статью из списка" })).ToContainTextAsync("0");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("ОМС и полисы");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Какие формулировки базы находят статью" }).Locator("tbody tr").First).ToContainTextAsync("2");
        AxeChecks.AssertNoSeriousViolations("the article card", await page.RunAxe());
        await Screenshots.SaveAsync(page, "article-card");

        // An article the citizen only ever picked from a list: counted as such, and the card says why no phrasing found it.
        var picker = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, picker, "больничный");
        Assert.Equal(Assistant.Dialogs.Activities.MessageKind.Clarify, (await WebChatCalls.ConversationOfAsync(app.Services, picker)).LastReplyKind);
        await WebChatCalls.PressAsync(app.Client, picker, "Как оформить больничный", "article:sick-leave-get");
        await page.GotoAsync("/staff/articles/sick-leave-get");
        await Expect(page.Locator("table.card-figures tr", new() { HasText = "выбрал статью из списка" })).ToContainTextAsync("1");
        await Expect(page.GetByText("Каждый раз статью выбирал сам гражданин из списка вариантов")).ToBeVisibleAsync();
        await page.GotoAsync("/staff/dashboard");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Region, new() { Name = "Оценки по статьям" }).GetByRole(AriaRole.Link, new() { Name = "Скачать CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.Contains("oms-get-policy,Как получить полис ОМС,2,4.5,0,0,0,1,1", csv);
        await page.Context.CloseAsync();
    }

    private static void Row(JsonElement dashboard, string dimension, string key, long count, double mean, long[] distribution)
    {
        var table = dashboard.GetProperty("csat").EnumerateArray().Single(t => t.GetProperty("dimension").GetString() == dimension);
        var row = table.GetProperty("rows").EnumerateArray().SingleOrDefault(r => r.GetProperty("key").GetString() == key);
        Assert.True(row.ValueKind == JsonValueKind.Object, $"{dimension}/{key} missing in {table}");
        Assert.Equal(count, row.GetProperty("count").GetInt64());
        Assert.Equal(mean, row.GetProperty("mean").GetDouble(), 2);
        Assert.Equal(distribution, row.GetProperty("distribution").EnumerateArray().Select(n => n.GetInt64()));
    }

    /// <summary>
    /// 1) answered by the bot, «Вопрос решён», rated 5; 2) «не знаю» (with a phone number), handed over, op-a answers and closes,
    /// rated 2; 3) answered, handed over to op-a, transferred to op-b's group, op-b answers and closes, rated 4.
    /// </summary>
    private static async Task PlayThreeConversationsAsync(RunningApp app)
    {
        var opA = await app.OperatorAsync("op-a", "oms", "general");
        var opB = await app.OperatorAsync("op-b", "care");

        var first = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, first, "как получить полис омс");
        await WebChatCalls.PressAsync(app.Client, first, "Вопрос решён", "resolved");
        await RateAsync(app, first, 5);

        var second = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, second, "расписание электричек до дачи, звоните 89123456789");
        await WebChatCalls.PressAsync(app.Client, second, "Оператор", "operator");
        var secondId = (await WebChatCalls.ConversationOfAsync(app.Services, second)).Id;
        await opA.OkAsync(opA.AcceptAsync(secondId));
        await opA.OkAsync(opA.ReplyAsync(secondId, "Расписание электричек есть на сайте перевозчика."));
        await opA.OkAsync(opA.CloseAsync(secondId));
        await RateAsync(app, second, 2);

        var third = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, third, "как получить полис омс");
        await WebChatCalls.PressAsync(app.Client, third, "Оператор", "operator");
        var thirdId = (await WebChatCalls.ConversationOfAsync(app.Services, third)).Id;
        await opA.OkAsync(opA.AcceptAsync(thirdId));
        await opA.OkAsync(opA.TransferAsync(thirdId, "care"));
        await opB.OkAsync(opB.AcceptAsync(thirdId));
        await opB.OkAsync(opB.ReplyAsync(thirdId, "Полис оформляет страховая медицинская организация."));
        await opB.OkAsync(opB.CloseAsync(thirdId));
        await RateAsync(app, third, 4);
    }

    private static Task RateAsync(RunningApp app, string userId, int score) =>
        WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(app.Client, new { userId, clientMessageId = WebChatCalls.NewClientMessageId(), type = "rating", rating = score }));
}
