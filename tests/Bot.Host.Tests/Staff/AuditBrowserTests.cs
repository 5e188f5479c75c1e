using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Staff.Console;
using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The «Журнал» page and the audit API as a supervisor uses them: a period and a login, details in Russian with names instead of
/// ids, links to the conversation and the request, pages through older lines; and the reads that are audited themselves (the
/// log, the console's queue).
/// </summary>
public sealed class AuditBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<OperatorApp>
{
    private readonly ChromiumBrowser _chromium;
    private readonly OperatorApp _app;

    public AuditBrowserTests(ChromiumBrowser chromium, OperatorApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(15_000);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task A_supervisor_filters_by_period_and_login_reads_Russian_details_follows_the_conversation_and_pages()
    {
        var conversationId = await AnsweredAndTransferredAsync("anna");
        await AddLinesAsync("anna", 55, DateTimeOffset.Now.AddDays(-10));
        await AddLineAsync(new AuditEntry { At = DateTimeOffset.UtcNow, Actor = "anna", Action = "request-open", ConversationId = conversationId, RequestNumber = "МЗ-000042", Details = "contact hidden" });
        await _app.AddStaffAsync("sveta", "supervisor");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/audit");
        await StaffBrowser.SignInAsync(page, "sveta");

        // The last seven days by default; the login typed and Enter pressed, as a keyboard user does.
        await Expect(page.GetByLabel("С", new() { Exact = true })).ToHaveValueAsync(Day(Today.AddDays(-6)));
        await Expect(page.GetByLabel("По", new() { Exact = true })).ToHaveValueAsync(Day(Today));
        await page.GetByLabel("Сотрудник", new() { Exact = true }).FillAsync("anna");
        await page.GetByLabel("Сотрудник", new() { Exact = true }).PressAsync("Enter");
        var rows = page.Locator("table.audit tbody tr");
        await Expect(rows.Filter(new() { Has = page.Locator("td[data-action=reply]") })).ToContainTextAsync("ответ гражданину");

        // Names, not ids: the article's title, the group's name, the count in words, the request's contact word.
        await Expect(Row(page, "reply")).ToContainTextAsync("по статье «Как получить полис ОМС»");
        await Expect(Row(page, "transfer")).ToContainTextAsync("в группу «Медицинская помощь»");
        // Other tests of the class may leave questions waiting in «oms»: the count varies, its Russian form does not.
        await Expect(Row(page, "queue")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"в очереди \d+ диалог(а|ов)?$"));
        await Expect(Row(page, "request-open")).ToContainTextAsync("контакт скрыт");
        await Expect(page.Locator("table.audit")).Not.ToContainTextAsync("article ");
        await Expect(page.Locator("table.audit")).Not.ToContainTextAsync(conversationId);
        // The lines of ten days ago are outside the week: none of them, and no further page.
        await Expect(rows).ToHaveCountAsync(await CountAsync("anna", Today.AddDays(-6), Today));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Более ранние записи" })).ToHaveCountAsync(0);
        await Expect(Row(page, "request-open").GetByRole(AriaRole.Link, new() { Name = "Обращение МЗ-000042" }))
            .ToHaveAttributeAsync("href", "staff/requests/" + Uri.EscapeDataString("МЗ-000042"));
        AxeChecks.AssertNoSeriousViolations("the audit page filtered by a login", await page.RunAxe());

        // An earlier period: fifty lines on the first page, the other five on the next.
        await page.GetByLabel("С", new() { Exact = true }).FillAsync(Day(Today.AddDays(-12)));
        await page.GetByLabel("По", new() { Exact = true }).FillAsync(Day(Today.AddDays(-8)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Expect(page.GetByText($"С {Today.AddDays(-12):dd.MM.yyyy} по {Today.AddDays(-8):dd.MM.yyyy}: 50 записей на странице")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(50);
        await page.GetByRole(AriaRole.Link, new() { Name = "Более ранние записи" }).ClickAsync();
        await Expect(page.GetByText("более ранние записи: 5 записей на странице")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Более ранние записи" })).ToHaveCountAsync(0);
        AxeChecks.AssertNoSeriousViolations("the second page of the audit log", await page.RunAxe());
        await page.GetByRole(AriaRole.Link, new() { Name = "К новым записям" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(50);

        // Back to this week: the short conversation id opens the conversation.
        await page.GotoAsync("/staff/audit?actor=anna");
        await Row(page, "accept").GetByRole(AriaRole.Link, new() { Name = "Диалог " + conversationId[..8] }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/conversations/" + conversationId));
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Диалог: как получить полис омс");

        // Every read of the log was itself logged, with the filter used.
        var reads = (await Audit.ReadAsync("sveta", null, 100, CancellationToken.None)).Where(e => e.Action == "audit-read").Select(e => e.Details).ToList();
        Assert.Contains($"from {Day(Today.AddDays(-6))}; to {Day(Today)}", reads);
        Assert.Contains($"actor anna; from {Day(Today.AddDays(-6))}; to {Day(Today)}", reads);
        Assert.Contains(reads, d => d!.StartsWith($"actor anna; from {Day(Today.AddDays(-12))}; to {Day(Today.AddDays(-8))}; before ", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_who_may_not_open_conversations_follows_a_conversation_to_its_trail_in_the_log()
    {
        var conversationId = await AnsweredAndTransferredAsync("oleg");
        await _app.AddStaffAsync("chief", "admin");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/audit?actor=oleg");
        await StaffBrowser.SignInAsync(page, "chief");

        await Row(page, "accept").GetByRole(AriaRole.Link, new() { Name = "Записи журнала по диалогу " + conversationId[..8] }).ClickAsync();
        await Expect(page.GetByLabel("Диалог", new() { Exact = true })).ToHaveValueAsync(conversationId);
        await Expect(page.Locator("table.audit tbody td[data-action=transfer]")).ToHaveCountAsync(1);
        AxeChecks.AssertNoSeriousViolations("the audit page of one conversation", await page.RunAxe());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Reading_the_log_through_the_API_is_audited_with_its_filter_and_pages_by_the_last_id()
    {
        await AnsweredAndTransferredAsync("petr");
        using var supervisor = new HttpClient { BaseAddress = _app.Address };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", await _app.AddStaffAsync("vlad", "supervisor"));
        var today = Day(Today);

        var first = await supervisor.GetFromJsonAsync<JsonElement>($"api/supervisor/audit?actor=petr&from={today}&to={today}&limit=2");
        Assert.Equal(2, first.GetArrayLength());
        var last = first[1].GetProperty("id").GetInt64();
        var second = await supervisor.GetFromJsonAsync<JsonElement>($"api/supervisor/audit?actor=petr&from={today}&to={today}&limit=50&before={last}");
        Assert.All(second.EnumerateArray(), e => Assert.True(e.GetProperty("id").GetInt64() < last));
        // The API keeps the stored codes: the integration reads them, not the page's words.
        Assert.Contains(first.EnumerateArray().Concat(second.EnumerateArray()), e => e.GetProperty("details").GetString() == "article oms-get-policy");
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("api/supervisor/audit?from=10.03.2025")).StatusCode);

        var reads = (await Audit.ReadAsync("vlad", null, 10, CancellationToken.None)).Where(e => e.Action == "audit-read").Select(e => e.Details).ToList();
        Assert.Equal([$"actor petr; from {today}; to {today}; before {last}", $"actor petr; from {today}; to {today}"], reads);
    }

    [Fact]
    public async Task Opening_the_queue_page_is_audited_once_and_not_on_each_live_refresh()
    {
        await _app.AddStaffAsync("ulya", "operator", "oms");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "ulya");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Очередь", Level = 1 })).ToHaveAttributeAsync("data-ready", "yes");
        Assert.Single(await QueueReadsAsync("ulya"));

        // A conversation arrives and shows up live: the page refreshed, nobody opened anything new.
        var conversationId = await HandOverAsync();
        await Expect(page.Locator($"tr[data-conversation='{conversationId}']")).ToBeVisibleAsync();
        Assert.Single(await QueueReadsAsync("ulya"));

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Очередь", Level = 1 })).ToHaveAttributeAsync("data-ready", "yes");
        var reads = await QueueReadsAsync("ulya");
        Assert.Equal(2, reads.Count);
        Assert.Matches(@"^\d+ waiting: ", reads[0].Details);
        Assert.Contains(conversationId, reads[0].Details);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_conversation_page_that_starts_showing_the_conversation_when_it_is_transferred_in_audits_that_view()
    {
        var conversationId = await HandOverAsync();
        await _app.AddStaffAsync("zoya", "operator", "care");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "zoya");
        await page.GotoAsync($"/staff/conversations/{conversationId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Диалог недоступен", Level = 1 })).ToHaveAttributeAsync("data-ready", "yes");
        Assert.DoesNotContain(await Audit.ReadAsync("zoya", null, 20, CancellationToken.None), e => e.Action == "transcript");

        using var http = new HttpClient { BaseAddress = _app.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await _app.AddStaffAsync("zoya-oms", "operator", "oms"));
        await OkAsync(http.PostAsJsonAsync($"api/operator/conversations/{conversationId}/accept", new { }));
        await OkAsync(http.PostAsJsonAsync($"api/operator/conversations/{conversationId}/transfer", new { toGroup = "care" }));

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Принять" })).ToBeVisibleAsync();
        var views = (await Audit.ReadAsync("zoya", null, 20, CancellationToken.None)).Where(e => e.Action == "transcript").ToList();
        Assert.Equal([conversationId], views.Select(e => e.ConversationId));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_spoilt_address_of_the_log_says_what_is_wrong_instead_of_failing()
    {
        await _app.AddStaffAsync("vera", "supervisor");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "vera");

        foreach (var (query, message) in new[]
        {
            ("before=abc", "Ссылка на более ранние записи испорчена"),
            ("from=0001-01-01", "с 2000 по 2100 год"),
            ("to=9999-12-31", "с 2000 по 2100 год"),
        })
        {
            var response = await page.GotoAsync("/staff/audit?" + query);
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("main")).ToContainTextAsync(message);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_stored_detail_is_worded_in_Russian_with_names()
    {
        var wording = _app.Services.GetRequiredService<AuditWording>();
        var situation = await _app.Services.GetRequiredService<StaffNames>().SituationsAsync(CancellationToken.None);
        string Said(string actor, string action, string details) =>
            wording.Details(new AuditEntry { Actor = actor, Action = action, Details = details }, situation);

        Assert.Equal("moder, роль: модератор", Said("cli", "account-saved", "moder as moderator"));
        Assert.Equal("chief, роль: администратор", Said("cli", "account-saved", "chief as admin"));
        Assert.Equal("sveta, роль: супервизор", Said("cli", "account-saved", "sveta as supervisor"));
        Assert.Equal("в группу «Медицинская помощь»", Said("anna", "transfer", "to care"));
        Assert.Equal("по статье «Как получить полис ОМС»", Said("anna", "reply", "article oms-get-policy"));
        Assert.Equal("в очереди 5 диалогов", Said("anna", "queue", "5 waiting"));
        Assert.Equal("в очереди 22 диалога", Said("anna", "queue", "22 waiting"));
        Assert.Equal("к статье «Как получить полис ОМС»: 3 вопроса, 1 формулировка", Said("mira", "inbox-attach", "3 questions, 1 phrasings to article oms-get-policy"));
        Assert.Equal("к статье «Как получить полис ОМС»: 3 вопроса, 1 формулировка, уже были в статье: 2",
            Said("mira", "inbox-attach", "3 questions, 1 phrasings to article oms-get-policy, 2 already there"));
        Assert.Equal("11 вопросов", Said("mira", "inbox-dismiss", "11 questions"));
        Assert.Equal("«Как получить полис ОМС», версия 4", Said("mira", "kb-article-saved", "oms-get-policy v4"));
        Assert.Equal("«Как получить полис ОМС», к версии 2", Said("mira", "kb-article-rollback", "oms-get-policy to v2"));
        Assert.Equal("«Как получить полис ОМС», версия 7", Said("mira", "kb-question-added", "oms-get-policy v7"));
        Assert.Equal("olga.sso, роли: оператор, супервизор; группы: ОМС и полисы, Медицинская помощь",
            Said("olga.sso", "sso-role", "olga.sso as operator,supervisor; groups oms,care"));
        Assert.Equal("в очереди 2 диалога", Said("nina", "queue", "2 waiting: a1, b2"));
        Assert.Equal("токен отозван", Said("olga", "token-refused", "revoked"));
        Assert.Equal("«Как получить полис ОМС», к версии 2, во входящие вернулись 3 вопроса", Said("mira", "kb-article-rollback", "oms-get-policy to v2, 3 questions back to the inbox"));
        Assert.Equal("«Полис ОМС»", Said("mira", "kb-situation-saved", "oms-policy"));
        Assert.Equal("«Как получить полис ОМС», версия 5", Said("mira", "kb-article-published", "oms-get-policy v5"));
        Assert.Equal("«Как получить полис ОМС», опубликована версия 5", Said("mira", "kb-draft-saved", "oms-get-policy over v5"));
        Assert.Equal("«Как получить полис ОМС»", Said("mira", "kb-draft-discarded", "oms-get-policy"));
        Assert.Equal("kb.json: 21 статья", Said("mira", "kb-imported", "kb.json: 21 articles"));
        Assert.Equal("olga, отозвано токенов: 2", Said("cli", "tokens-revoked", "olga: 2"));
        Assert.Equal("web:u1, 2 диалога, 7 записей", Said("cli:root", "data.erase", "web:u1, 2 conversation(s), 7 record(s)"));
        Assert.Equal("единый вход, логин olga: нет роли рабочего места", Said("anonymous", "sign-in-refused", "sso olga: no staff role"));
        Assert.Equal("через единый вход", Said("olga", "sign-in", "sso"));
        Assert.Equal("автоматически: рабочее место закрыто дольше допустимого", Said("olga", "away", "no console open"));
        Assert.Equal("достигнут предел диалогов", Said("anna", "accept-refused", "AtCapacity"));
        Assert.Equal("сотрудник anna, с 01.03.2025, по 10.03.2025, более ранние записи", Said("sveta", "audit-read", "actor anna; from 2025-03-01; to 2025-03-10; before 42"));
        Assert.Equal("командная строка (root)", AuditText.ActorName("cli:root"));
        Assert.Equal("удаление данных гражданина", AuditText.ActionName("data.erase"));
    }

    private AuditLog Audit => _app.Services.GetRequiredService<AuditLog>();

    private static ILocator Row(IPage page, string action) =>
        page.Locator("table.audit tbody tr").Filter(new() { Has = page.Locator($"td[data-action='{action}']") }).First;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A handed-over question that <paramref name="login"/> (oms) reads in the API queue, accepts, answers from the KB article
    /// and transfers to «care»; returns the conversation id.
    /// </summary>
    private async Task<string> AnsweredAndTransferredAsync(string login)
    {
        var conversationId = await HandOverAsync();
        await _app.AddStaffAsync(login + "-care", "operator", "care");
        using var http = new HttpClient { BaseAddress = _app.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await _app.AddStaffAsync(login, "operator", "oms"));
        await OkAsync(http.GetAsync("api/operator/queue?group=oms"));
        await OkAsync(http.PostAsJsonAsync($"api/operator/conversations/{conversationId}/accept", new { }));
        await OkAsync(http.PostAsJsonAsync($"api/operator/conversations/{conversationId}/reply", new { text = "Полис выдаёт страховая.", articleId = "oms-get-policy" }));
        await OkAsync(http.PostAsJsonAsync($"api/operator/conversations/{conversationId}/transfer", new { toGroup = "care" }));
        return conversationId;
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        await OperatorClient.OkJsonAsync(response);
    }

    private async Task<string> HandOverAsync()
    {
        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, userId, "как получить полис омс");
        await WebChatCalls.PressAsync(_app.Client, userId, "Оператор", "operator");
        return (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;
    }

    /// <summary>Lines written straight into the table, a minute apart back from <paramref name="at"/>: a week nobody would wait for.</summary>
    private async Task AddLinesAsync(string actor, int count, DateTimeOffset at)
    {
        for (var i = 0; i < count; i++)
        {
            await AddLineAsync(new AuditEntry { At = at.AddMinutes(-i).ToUniversalTime(), Actor = actor, Action = "transcript", ConversationId = "old" + i.ToString("D2", CultureInfo.InvariantCulture) });
        }
    }

    private async Task AddLineAsync(AuditEntry entry)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<StaffDbContext>>().CreateDbContextAsync();
        db.Audit.Add(entry);
        await db.SaveChangesAsync();
    }

    private async Task<int> CountAsync(string actor, DateOnly from, DateOnly to) =>
        (await Audit.ReadAsync(new AuditQuery(actor, null, from, to, null, 1000), CancellationToken.None)).Count;

    private async Task<IReadOnlyList<AuditEntry>> QueueReadsAsync(string login) =>
        [.. (await Audit.ReadAsync(login, null, 100, CancellationToken.None)).Where(e => e.Action == "queue")];
}
