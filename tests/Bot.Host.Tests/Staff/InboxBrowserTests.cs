using System.Net.Http.Json;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The moderators' inbox in Chromium: a question the bot could not answer shows up grouped, a moderator attaches it to an
/// article, and the same question in the widget is answered from then on. Personal data never reaches the page.
/// </summary>
public sealed class InboxBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<RunningApp>
{
    private const string Question = "бумажка для бассейна шмурдяк";

    private readonly ChromiumBrowser _chromium;
    private readonly RunningApp _app;

    public InboxBrowserTests(ChromiumBrowser chromium, RunningApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(15_000);
    }

    [Fact]
    public async Task An_unanswered_question_is_attached_to_an_article_by_a_moderator_and_answered_next_time()
    {
        await _app.AddStaffAsync("masha", "moderator");
        var citizen = await NewPageAsync();
        await citizen.GotoAsync("/");
        var chat = citizen.Locator("#assistant-chat");
        var log = chat.GetByRole(AriaRole.Log, new() { Name = "Переписка" });
        var input = chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" });
        await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
        await input.FillAsync(Question);
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log.Locator(".asw-kind--fallback")).ToHaveCountAsync(1);

        // Another visitor's unanswered question carries a phone number: it is masked before it is kept.
        var other = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, other, "расписание электричек до дачи, звоните 89123456789");

        var moderator = await NewPageAsync();
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "masha");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var group = moderator.Locator("section.inbox-group", new() { HasText = Question });
        await Expect(group).ToBeVisibleAsync();
        await Expect(group).ToContainTextAsync("бот не знал ответа: 1");
        await Expect(moderator.Locator("main")).ToContainTextAsync("[телефон]");
        await Expect(moderator.Locator("main")).Not.ToContainTextAsync("9123456789");
        AxeChecks.AssertNoSeriousViolations("the inbox", await moderator.RunAxe());

        // A question asked while the page is open shows after «Обновить список».
        await WebChatCalls.SendAsync(_app.Client, WebChatCalls.NewUserId(), "где купить билет в планетарий для школьников");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Обновить список" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Список обновлён");
        await Expect(moderator.Locator("main")).ToContainTextAsync("планетарий");
        await Screenshots.SaveAsync(moderator, "inbox");

        await Expect(group.GetByRole(AriaRole.Link, new() { Name = "Новая статья из группы" }))
            .ToHaveAttributeAsync("href", "staff/kb/articles/new?phrasings=" + Uri.EscapeDataString(Question));
        await group.GetByLabel("Статья").FillAsync("Медицинские справки");
        await group.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Прикреплены к статье «Медицинские справки»: 1 вопрос. Добавлено формулировок: 1");
        await Expect(moderator.Locator("section.inbox-group", new() { HasText = Question })).ToHaveCountAsync(0);

        await input.FillAsync(Question);
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log.Locator(".asw-kind--answer")).ToHaveCountAsync(1);

        // The masked question goes into the KB as the citizen's words, without the token that stood for the phone number nor
        // the words that introduced it.
        var masked = moderator.Locator("section.inbox-group", new() { HasText = "электричек" });
        await masked.GetByLabel("Статья").FillAsync("Медицинские справки");
        await masked.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        // The status already says the same after the first attach: wait for the group to leave the inbox instead.
        await Expect(moderator.Locator("section.inbox-group", new() { HasText = "электричек" })).ToHaveCountAsync(0);
        var phrasings = _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().FindArticle("records-certificates")!.Questions;
        Assert.Contains("расписание электричек до дачи", phrasings);
        Assert.DoesNotContain(phrasings, p => p.Contains('[') || p.Contains("звоните", StringComparison.Ordinal));

        // Each attach is a version in the article's history (with the state before it as «импорт»), to compare and roll back.
        var versions = await _app.Services.GetRequiredService<Assistant.Bot.Host.Staff.KbEditor.ArticleHistory>().ListAsync("records-certificates", CancellationToken.None);
        Assert.Equal(["masha", "masha", "импорт"], versions.Select(v => v.Author));
        await citizen.Context.CloseAsync();
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizens_choice_from_a_clarify_list_is_approved_in_one_click_and_the_phrasing_is_answered_from_then_on()
    {
        await _app.AddStaffAsync("roma", "moderator");
        var citizen = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, citizen, "больничный");
        Assert.Equal(Assistant.Dialogs.Activities.MessageKind.Clarify, (await WebChatCalls.ConversationOfAsync(_app.Services, citizen)).LastReplyKind);
        await WebChatCalls.PressAsync(_app.Client, citizen, "Как оформить больничный", "article:sick-leave-get");
        using (var before = await _app.Client.PostAsJsonAsync("api/ask", new { text = "больничный" }))
        {
            Assert.NotEqual("answer", (await before.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("decision").GetString());
        }

        var moderator = await NewPageAsync();
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "roma");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var suggestions = moderator.GetByRole(AriaRole.Region, new() { Name = "Подсказки граждан" });
        var row = suggestions.Locator("tr", new() { HasText = "Как оформить больничный" });
        await Expect(row).ToContainTextAsync("больничный");
        AxeChecks.AssertNoSeriousViolations("the inbox with suggestions", await moderator.RunAxe());

        await row.GetByRole(AriaRole.Button, new() { Name = "Принять: «больничный» → «Как оформить больничный»" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Добавлено формулировок: 1");

        using var after = await _app.Client.PostAsJsonAsync("api/ask", new { text = "больничный" });
        var decided = await after.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("answer", decided.GetProperty("decision").GetString());
        Assert.Equal("sick-leave-get", decided.GetProperty("candidates")[0].GetProperty("articleId").GetString());
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizens_suggestion_is_rejected_in_one_click_and_the_article_does_not_change()
    {
        await _app.AddStaffAsync("rita", "moderator");
        var store = _app.Services.GetRequiredService<Assistant.Dialogs.Stores.DialogStores>().Unanswered;
        await store.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage
        {
            ConversationId = Guid.NewGuid().ToString("N"), Channel = "web", At = DateTimeOffset.UtcNow, Text = "талончик к лору",
            Kind = Assistant.Dialogs.Learning.UnansweredKind.CitizenChoice, CandidateArticleIds = ["oms-get-policy"], ArticleId = "oms-get-policy",
        }, CancellationToken.None);
        var knowledge = _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>();
        var before = knowledge.FindArticle("oms-get-policy")!.Questions;

        var moderator = await NewPageAsync();
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "rita");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var row = moderator.GetByRole(AriaRole.Region, new() { Name = "Подсказки граждан" }).Locator("tr", new() { HasText = "талончик к лору" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Отклонить: «талончик к лору» → «Как получить полис ОМС»" }).ClickAsync();

        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Подсказка отклонена: «талончик к лору» → «Как получить полис ОМС». База знаний не изменилась.");
        await Expect(moderator.Locator("tr", new() { HasText = "талончик к лору" })).ToHaveCountAsync(0);
        Assert.Equal(before, knowledge.FindArticle("oms-get-policy")!.Questions);
        Assert.DoesNotContain(await store.ListAsync(Assistant.Dialogs.Learning.UnansweredStatus.Open, 1000, CancellationToken.None), m => m.Text == "талончик к лору");

        // Reopened, the page does not offer it again.
        await moderator.ReloadAsync();
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await Expect(moderator.Locator("main")).Not.ToContainTextAsync("талончик к лору");
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_article_is_started_from_a_group_with_the_phrasings_ticked_there()
    {
        await _app.AddStaffAsync("lena", "moderator");
        foreach (var text in new[] { "прокат лодок на городском пруду", "прокат лодок на городском пруду где", "прокат лодок на городском пруду цена, мой телефон 89123456789" })
        {
            await WebChatCalls.SendAsync(_app.Client, WebChatCalls.NewUserId(), text);
        }

        var moderator = await NewPageAsync();
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "lena");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var group = moderator.Locator("section.inbox-group", new() { HasText = "прокат лодок" });
        await Expect(group.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(3);
        await group.GetByRole(AriaRole.Checkbox, new() { Name = "прокат лодок на городском пруду где" }).UncheckAsync();
        await group.GetByRole(AriaRole.Link, new() { Name = "Новая статья из группы" }).ClickAsync();

        await moderator.WaitForURLAsync("**/staff/kb/articles/new?phrasings=*");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var phrasings = moderator.GetByLabel("Формулировки вопроса (по одной в строке)");
        await Expect(phrasings).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("прокат лодок на городском пруду цена"));
        var value = await phrasings.InputValueAsync();
        Assert.Equal(["прокат лодок на городском пруду", "прокат лодок на городском пруду цена"], value.Split('\n').Order());
        // A new article from a group is a draft until a moderator publishes it.
        await Expect(moderator.Locator("p.publication")).ToContainTextAsync("«Сохранить черновик» сохранит её, не показывая гражданам");
        await Expect(moderator.GetByRole(AriaRole.Button, new() { Name = "Сохранить черновик" })).ToBeVisibleAsync();
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task Each_question_shows_its_segment_the_articles_the_bot_offered_and_the_one_that_did_not_help()
    {
        await _app.AddStaffAsync("olga", "moderator");
        var store = _app.Services.GetRequiredService<Assistant.Dialogs.Stores.DialogStores>().Unanswered;
        await store.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage
        {
            ConversationId = Guid.NewGuid().ToString("N"), Channel = "web", At = DateTimeOffset.UtcNow, Text = "полис для новорожденного в роддоме оформляют",
            Kind = Assistant.Dialogs.Learning.UnansweredKind.NotHelped, Segment = "medic", CandidateArticleIds = ["oms-get-policy"], ArticleId = "oms-get-policy",
        }, CancellationToken.None);
        await store.AddAsync(new Assistant.Dialogs.Learning.UnansweredMessage
        {
            ConversationId = Guid.NewGuid().ToString("N"), Channel = "telegram", At = DateTimeOffset.UtcNow, Text = "листок нетрудоспособности по уходу сколько дней",
            Kind = Assistant.Dialogs.Learning.UnansweredKind.ClarifyIgnored, Segment = "citizen", CandidateArticleIds = ["sick-leave-get", "clinic-attach"],
        }, CancellationToken.None);

        var moderator = await NewPageAsync();
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "olga");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");

        var today = Assistant.Bot.Host.Staff.Console.ConsoleText.Date(DateTimeOffset.UtcNow);
        await Expect(moderator.Locator("label", new() { HasText = "полис для новорожденного в роддоме оформляют" }))
            .ToContainTextAsync($"(Чат на портале, медработник, {today}; не помогла: «Как получить полис ОМС»)");
        await Expect(moderator.Locator("label", new() { HasText = "листок нетрудоспособности по уходу сколько дней" }))
            .ToContainTextAsync($"(Telegram, гражданин, {today}; бот предлагал: «Как оформить больничный», «Как прикрепиться к поликлинике»)");
        await moderator.Context.CloseAsync();
    }

    private Task<IPage> NewPageAsync() => StaffBrowser.NewPageAsync(_chromium, _app);
}
