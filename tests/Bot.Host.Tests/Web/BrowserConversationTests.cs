using System.Text.RegularExpressions;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Stores;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Web;

/// <summary>
/// The demo page and its widget in headless Chromium against the real app: a citizen's whole conversation, with the test as the
/// operator, plus accessibility (axe-core, keyboard) and text safety. Playwright's auto-waiting assertions only, no sleeps.
/// </summary>
public sealed class BrowserConversationTests : IClassFixture<ChromiumBrowser>, IClassFixture<OperatorApp>
{
    private const float Timeout = 15_000;
    private const string Question = "как получить полис омс";

    private readonly ChromiumBrowser _chromium;
    private readonly OperatorApp _app;

    public BrowserConversationTests(ChromiumBrowser chromium, OperatorApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(Timeout);
    }

    [Fact]
    public async Task A_citizen_asks_is_handed_to_an_operator_gets_the_reply_and_rates_the_conversation()
    {
        await using var session = await OpenAsync(1280);
        var (page, chat, log) = (session.Page, session.Chat, session.Log);

        await Expect(log.Locator(".asw-kind--greeting")).ToContainTextAsync("Здравствуйте");

        // Type the question with the keyboard and send it with Enter.
        var input = chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" });
        await input.FocusAsync();
        await page.Keyboard.TypeAsync(Question);
        await page.Keyboard.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync(string.Empty);

        var answer = log.Locator(".asw-msg--bot.asw-kind--answer").Last;
        await Expect(answer).ToBeVisibleAsync();
        var quickReplies = answer.GetByRole(AriaRole.Group, new() { Name = "Варианты ответа" }).GetByRole(AriaRole.Button);
        await Expect(quickReplies).ToHaveTextAsync(["Помогло", "Не помогло", "Оператор"]);
        // The source is cited as "title — address"; the widget turns the address into a link.
        await Expect(answer.Locator("a[href^='https://']").First).ToBeVisibleAsync();
        await Expect(answer).Not.ToContainTextAsync("**");

        await answer.GetByRole(AriaRole.Button, new() { Name = "Не помогло", Exact = true }).ClickAsync();
        await Expect(log.Locator(".asw-kind--handoffNotice")).ToContainTextAsync("Передаю вопрос специалисту");
        await Expect(quickReplies.First).ToBeDisabledAsync();

        // The test is the operator now: take the conversation from the oms queue and answer.
        var userId = await page.EvaluateAsync<string>("() => localStorage.getItem('assistant.userId')");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;
        var desk = await _app.OperatorAsync("op-browser");
        Assert.Contains((await desk.QueueAsync("oms")).EnumerateArray(), e => e.GetProperty("conversationId").GetString() == conversationId);
        await desk.OkAsync(desk.AcceptAsync(conversationId));
        await Expect(log).ToContainTextAsync("Специалист подключился к диалогу.");

        const string reply = "Здравствуйте! Полис оформляет страховая медицинская организация по паспорту и СНИЛС.";
        await desk.OkAsync(desk.ReplyAsync(conversationId, reply));
        var fromOperator = log.Locator(".asw-msg--operator");
        await Expect(fromOperator).ToContainTextAsync(reply);
        await Expect(fromOperator.Locator(".asw-sender")).ToHaveTextAsync("Оператор");

        // The operator closes: the 1–5 rating control appears; 4 is chosen with the arrow keys and sent with the keyboard.
        await desk.OkAsync(desk.CloseAsync(conversationId));
        var stars = log.GetByRole(AriaRole.Radiogroup, new() { Name = "Оценка ответа" });
        await Expect(stars).ToBeVisibleAsync();
        await Expect(stars.GetByRole(AriaRole.Radio)).ToHaveCountAsync(5);
        await stars.GetByRole(AriaRole.Radio, new() { Name = "1 из 5", Exact = true }).FocusAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
        }

        await Expect(stars.GetByRole(AriaRole.Radio, new() { Name = "4 из 5", Exact = true })).ToBeCheckedAsync();
        await page.Keyboard.PressAsync("Tab");
        var submit = log.GetByRole(AriaRole.Button, new() { Name = "Отправить оценку" });
        await Expect(submit).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(log.Locator(".asw-rating-result")).ToContainTextAsync("Ваша оценка: 4 из 5.");
        await Expect(log.Locator(".asw-kind--ratingThanks")).ToContainTextAsync("Спасибо за оценку!");
        await Expect(input).ToBeFocusedAsync();

        // The thanks is sent after the rating is stored.
        var rating = await _app.Services.GetRequiredService<DialogStores>().Ratings.GetAsync(conversationId, CancellationToken.None);
        Assert.NotNull(rating);
        Assert.Equal(4, rating.Score);
        Assert.Equal("web", rating.Channel);
        Assert.Equal("op-browser", rating.OperatorId);
        Assert.Contains("oms-get-policy", rating.ArticleIds);
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task Axe_finds_nothing_serious_or_critical_at_1280_and_320_px_with_a_conversation_on_screen()
    {
        await using var session = await OpenAsync(1280);
        await Expect(session.Log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
        await session.Chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" }).FillAsync(Question);
        await session.Chat.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();
        var answer = session.Log.Locator(".asw-kind--answer").Last;
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Оператор" })).ToBeVisibleAsync();
        await Expect(session.Log.Locator(".asw-msg--user[data-seq]")).ToContainTextAsync(Question);

        var wide = await session.Page.RunAxe();
        await session.Page.SetViewportSizeAsync(320, 640);
        await Expect(answer).ToBeVisibleAsync();
        var narrow = await session.Page.RunAxe();

        Assert.True(wide.Passes.Length > 0, "axe-core ran");
        AssertNoSeriousViolations("1280 px", wide);
        AssertNoSeriousViolations("320 px", narrow);
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task Keyboard_only_Tab_reaches_the_input_and_Enter_sends()
    {
        await using var session = await OpenAsync(1280);
        var (page, chat, log) = (session.Page, session.Chat, session.Log);
        await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
        var input = chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" });

        var presses = 0;
        while (!await input.EvaluateAsync<bool>("el => el === document.activeElement") && presses < 25)
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
        }

        await Expect(input).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("как оформить");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("больничный");
        await Expect(input).ToHaveValueAsync("как оформить\nбольничный");
        await page.Keyboard.PressAsync("Enter");

        await Expect(input).ToHaveValueAsync(string.Empty);
        await Expect(input).ToBeFocusedAsync();
        // data-seq: the server's echo matched the local copy, so the message really went through.
        await Expect(log.Locator(".asw-msg--user[data-seq] .asw-text")).ToHaveTextAsync("как оформить\nбольничный");
        await Expect(log.Locator(".asw-msg--bot:not(.asw-kind--greeting)").First).ToBeVisibleAsync();
        session.AssertNoPageErrors();
    }

    [Fact]
    public async Task An_HTML_looking_message_is_shown_literally_as_text()
    {
        const string html = "<b>жирный</b>";
        await using var session = await OpenAsync(1280);
        var (page, chat, log) = (session.Page, session.Chat, session.Log);
        await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();

        await chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" }).FillAsync(html);
        await page.Keyboard.PressAsync("Enter");
        await Expect(log.Locator(".asw-msg--user[data-seq] .asw-text")).ToHaveTextAsync(html);
        await Expect(log.Locator(".asw-msg--bot:not(.asw-kind--greeting)").First).ToBeVisibleAsync();
        await Expect(log.Locator("b")).ToHaveCountAsync(0);

        // After a reload the message comes from the server's replay, and is still text.
        await page.ReloadAsync();
        await Expect(log.Locator(".asw-msg--user .asw-text")).ToHaveTextAsync(html);
        await Expect(log.Locator("b")).ToHaveCountAsync(0);
        session.AssertNoPageErrors();
    }

    private static void AssertNoSeriousViolations(string where, AxeResult result)
    {
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core at {where}:\n" + string.Join("\n", serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}\n      " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))))));
    }

    /// <summary>A fresh browser context (a new visitor: empty localStorage) with the demo page open.</summary>
    private async Task<PageSession> OpenAsync(int width)
    {
        var context = await _chromium.Browser.NewContextAsync(new()
        {
            BaseURL = _app.Address.ToString(),
            ViewportSize = new() { Width = width, Height = 900 },
            Locale = "ru-RU",
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        var chat = page.Locator("#assistant-chat");
        return new PageSession(context, page, chat, chat.GetByRole(AriaRole.Log, new() { Name = "Переписка" }), errors);
    }

    private sealed record PageSession(IBrowserContext Context, IPage Page, ILocator Chat, ILocator Log, List<string> Errors) : IAsyncDisposable
    {
        public void AssertNoPageErrors() => Assert.True(Errors.Count == 0, "Script errors on the page:\n" + string.Join("\n", Errors));

        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
