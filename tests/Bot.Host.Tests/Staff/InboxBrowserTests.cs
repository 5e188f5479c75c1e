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
        await group.GetByLabel("Статья").SelectOptionAsync("records-certificates");
        await group.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Добавлено формулировок: 1");
        await Expect(moderator.Locator("section.inbox-group", new() { HasText = Question })).ToHaveCountAsync(0);

        await input.FillAsync(Question);
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log.Locator(".asw-kind--answer")).ToHaveCountAsync(1);

        // The masked question goes into the KB as the citizen's words, without the token that stood for the phone number.
        var masked = moderator.Locator("section.inbox-group", new() { HasText = "электричек" });
        await masked.GetByLabel("Статья").SelectOptionAsync("records-certificates");
        await masked.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        // The status already says the same after the first attach: wait for the group to leave the inbox instead.
        await Expect(moderator.Locator("section.inbox-group", new() { HasText = "электричек" })).ToHaveCountAsync(0);
        var phrasings = _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().FindArticle("records-certificates")!.Questions;
        Assert.Contains("расписание электричек до дачи, звоните", phrasings);
        Assert.DoesNotContain(phrasings, p => p.Contains('['));

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

    private Task<IPage> NewPageAsync() => StaffBrowser.NewPageAsync(_chromium, _app);
}
