using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Stores;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The operator console in headless Chromium against the real app: a citizen in the web chat (one browser context) and two
/// operators signed in with their own accounts (two more contexts), from the handover to the stored rating. Keyboard for the
/// sign-in, axe-core on every staff page on the way.
/// </summary>
public sealed class OperatorConsoleBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<OperatorApp>
{
    private const float Timeout = 15_000;

    private readonly ChromiumBrowser _chromium;
    private readonly OperatorApp _app;

    public OperatorConsoleBrowserTests(ChromiumBrowser chromium, OperatorApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(Timeout);
    }

    [Fact]
    public async Task A_handover_appears_live_is_answered_from_a_KB_template_transferred_once_closed_and_rated()
    {
        await _app.AddStaffAsync("anna", "operator", "oms");
        await _app.AddStaffAsync("boris", "operator", "general");
        await using var citizen = await NewContextAsync();
        await using var anna = await NewContextAsync();
        await using var boris = await NewContextAsync();

        // Anna signs in with the keyboard only and waits on her queue.
        await anna.Page.GotoAsync("/staff");
        await Expect(anna.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/login"));
        AxeChecks.AssertNoSeriousViolations("the sign-in page", await anna.Page.RunAxe());
        await SignInWithKeyboardAsync(anna.Page, "anna");
        var annaQueue = anna.Page.Locator("table.queue tbody tr");
        await Expect(anna.Page.GetByRole(AriaRole.Heading, new() { Name = "Очередь", Level = 1 })).ToHaveAttributeAsync("data-ready", "yes");
        await Expect(anna.Page.GetByText("Очередь пуста.")).ToBeVisibleAsync();

        // The citizen asks and presses «Оператор»; the question routes to the oms group.
        await citizen.Page.GotoAsync("/");
        var log = citizen.Page.Locator("#assistant-chat").GetByRole(AriaRole.Log, new() { Name = "Переписка" });
        await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
        await citizen.Page.Locator("#assistant-chat").GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" }).FillAsync("как получить полис омс");
        await citizen.Page.Keyboard.PressAsync("Enter");
        var answer = log.Locator(".asw-kind--answer").Last;
        await answer.GetByRole(AriaRole.Button, new() { Name = "Оператор", Exact = true }).ClickAsync();
        await Expect(log.Locator(".asw-kind--handoffNotice")).ToBeVisibleAsync();

        // It appears on Anna's screen without a reload, within 2 seconds.
        await Expect(annaQueue).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        await Expect(annaQueue.First).ToContainTextAsync("как получить полис омс");
        await Expect(annaQueue.First).ToContainTextAsync("Чат на портале");
        await Expect(annaQueue.First).ToContainTextAsync("в норме");
        // Staff read names, not ids: the group and the life situation.
        await Expect(annaQueue.First).ToContainTextAsync("ОМС и полисы");
        await Expect(annaQueue.First).ToContainTextAsync("Полис ОМС");
        AxeChecks.AssertNoSeriousViolations("the queue with a waiting conversation", await anna.Page.RunAxe());

        await annaQueue.First.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await Expect(anna.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/conversations/"));
        await Expect(anna.Page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await Expect(log).ToContainTextAsync("Специалист подключился к диалогу.");

        // The KB suggests the article for the question; one click puts its answer into the reply box, Anna edits and sends.
        var templates = anna.Page.GetByRole(AriaRole.Region, new() { Name = "Ответы из базы знаний" });
        await templates.GetByRole(AriaRole.Button, new() { Name = "Вставить ответ статьи «Как получить полис ОМС»" }).ClickAsync();
        var reply = anna.Page.GetByLabel("Текст ответа");
        await Expect(reply).Not.ToHaveValueAsync(string.Empty);
        // The answer comes as the citizen reads it (no Markdown marks), and the keyboard lands in it to edit.
        await Expect(reply).ToBeFocusedAsync();
        var inserted = await reply.InputValueAsync();
        Assert.DoesNotContain("**", inserted);
        await reply.FillAsync("Здравствуйте! " + inserted);
        await anna.Page.GetByRole(AriaRole.Button, new() { Name = "Ответить", Exact = true }).ClickAsync();
        await Expect(anna.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ответ отправлен.");
        await Expect(log.Locator(".asw-msg--operator")).ToContainTextAsync("Здравствуйте!");

        // The citizen writes back; it appears in Anna's transcript without a reload.
        await citizen.Page.Locator("#assistant-chat").GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" }).FillAsync("Спасибо! А куда обратиться в выходные?");
        await citizen.Page.Keyboard.PressAsync("Enter");
        await Expect(anna.Page.GetByRole(AriaRole.Region, new() { Name = "Переписка" })).ToContainTextAsync("А куда обратиться в выходные?", new() { Timeout = 2_000 });
        AxeChecks.AssertNoSeriousViolations("the conversation page", await anna.Page.RunAxe());
        await Screenshots.SaveAsync(anna.Page, "operator-conversation");

        // One transfer is left (the bot's handover was the first); Anna passes the question to «general».
        await Expect(anna.Page.GetByText("Передач осталось: 1")).ToBeVisibleAsync();
        await anna.Page.GetByLabel("Группа").SelectOptionAsync("general");
        await anna.Page.GetByRole(AriaRole.Button, new() { Name = "Передать", Exact = true }).ClickAsync();
        await Expect(anna.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Вопрос передан группе «Общие вопросы».");
        await Expect(anna.Page.GetByText("Вы передали вопрос группе «Общие вопросы»")).ToBeVisibleAsync();
        await Expect(log.Locator(".asw-kind--handoffNotice")).ToHaveCountAsync(2);

        // Boris, in «general», takes it; a third transfer is refused in the UI, with the reason.
        await boris.Page.GotoAsync("/staff/login");
        await SignInWithKeyboardAsync(boris.Page, "boris");
        var borisQueue = boris.Page.Locator("table.queue tbody tr");
        await Expect(borisQueue).ToHaveCountAsync(1);
        await Expect(boris.Page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await borisQueue.First.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await Expect(boris.Page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Диалог:");
        await Expect(boris.Page.GetByText("Передач осталось: 0")).ToBeVisibleAsync();
        await Expect(boris.Page.GetByRole(AriaRole.Button, new() { Name = "Передать", Exact = true })).ToBeDisabledAsync();
        await Expect(boris.Page.GetByText("Передать нельзя: лимит передач исчерпан")).ToBeVisibleAsync();
        var transcript = boris.Page.GetByRole(AriaRole.Region, new() { Name = "Переписка" });
        await Expect(transcript).ToContainTextAsync("Здравствуйте!");
        // Which KB article Anna's reply was built from stays with the reply.
        await Expect(transcript).ToContainTextAsync("Ответ на основе статьи «Как получить полис ОМС»");
        // The bot's answer reads as the citizen saw it, not as Markdown.
        await Expect(transcript).ToContainTextAsync("оформляется бесплатно");
        await Expect(transcript).Not.ToContainTextAsync("**");

        // Boris closes; the citizen's last message has no reply, so he is asked once more. The citizen rates 5 in the widget; the
        // rating is stored with Boris as the operator.
        await boris.Page.GetByRole(AriaRole.Button, new() { Name = "Завершить", Exact = true }).ClickAsync();
        var confirm = boris.Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Завершить без ответа?" });
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Вернуться к диалогу" })).ToBeFocusedAsync();
        AxeChecks.AssertNoSeriousViolations("the close confirmation", await boris.Page.RunAxe());
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Завершить без ответа" }).ClickAsync();
        var stars = log.GetByRole(AriaRole.Radiogroup, new() { Name = "Оценка ответа" });
        // The star icon covers the radio input; a citizen clicks the star, which checks the radio.
        await stars.GetByRole(AriaRole.Radio, new() { Name = "5 из 5", Exact = true }).CheckAsync(new() { Force = true });
        await log.GetByRole(AriaRole.Button, new() { Name = "Отправить оценку" }).ClickAsync();
        await Expect(log.Locator(".asw-kind--ratingThanks")).ToBeVisibleAsync();

        var userId = await citizen.Page.EvaluateAsync<string>("() => localStorage.getItem('assistant.userId')");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;
        var rating = await _app.Services.GetRequiredService<DialogStores>().Ratings.GetAsync(conversationId, CancellationToken.None);
        Assert.NotNull(rating);
        Assert.Equal(5, rating.Score);
        Assert.Equal("boris", rating.OperatorId);
        var stored = await _app.Services.GetRequiredService<DialogStores>().Transcripts.ReadAsync(conversationId, 0, CancellationToken.None);
        Assert.Equal("oms-get-policy", stored.Single(e => e.From == "operator" && e.OperatorId == "anna").ArticleId);

        // The audit log has who opened and did what, and which KB article Anna's reply was built from.
        var audit = await _app.Services.GetRequiredService<AuditLog>().ReadAsync(null, conversationId, 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Actor == "anna" && e.Action == "accept");
        Assert.Contains(audit, e => e.Actor == "anna" && e.Action == "reply" && e.Details == "article oms-get-policy");
        Assert.Contains(audit, e => e.Actor == "anna" && e.Action == "transfer" && e.Details == "to general");
        Assert.Contains(audit, e => e.Actor == "boris" && e.Action == "transcript");
        Assert.Contains(audit, e => e.Actor == "boris" && e.Action == "close");
        citizen.AssertNoPageErrors();
        anna.AssertNoPageErrors();
        boris.AssertNoPageErrors();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_audited()
    {
        await _app.AddStaffAsync("vera", "operator", "oms");
        await using var vera = await NewContextAsync();
        await vera.Page.GotoAsync("/staff/login");

        await vera.Page.GetByLabel("Логин").FillAsync("vera");
        await vera.Page.GetByLabel("Пароль").FillAsync("not-the-password");
        await vera.Page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();

        await Expect(vera.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Неверный логин или пароль.");
        AxeChecks.AssertNoSeriousViolations("the sign-in page with an error", await vera.Page.RunAxe());
        var audit = await _app.Services.GetRequiredService<AuditLog>().ReadAsync("anonymous", null, 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "sign-in-failed" && e.Details == "login vera");

        // A supervisor looking into «vera» finds the attempts against her login too.
        var byLogin = await _app.Services.GetRequiredService<AuditLog>().ReadAsync("vera", null, 100, CancellationToken.None);
        Assert.Contains(byLogin, e => e.Action == "sign-in-failed");
        Assert.Equal("неудачный вход", AuditText.ActionName("sign-in-failed"));
        var failed = byLogin.First(e => e.Action == "sign-in-failed");
        Assert.Equal("логин vera", _app.Services.GetRequiredService<AuditWording>().Details(failed, id => id ?? "—"));
    }

    [Fact]
    public async Task A_moderator_is_told_the_queue_is_not_for_them()
    {
        await _app.AddStaffAsync("mira", "moderator");
        await using var mira = await NewContextAsync();
        await mira.Page.GotoAsync("/staff/login");
        await SignInWithKeyboardAsync(mira.Page, "mira");
        await Expect(mira.Page.GetByRole(AriaRole.Heading, new() { Name = "Неотвеченные вопросы" })).ToBeVisibleAsync();
        await mira.Page.GotoAsync("/staff");

        await Expect(mira.Page.GetByRole(AriaRole.Heading, new() { Name = "Недостаточно прав" })).ToBeVisibleAsync();
        AxeChecks.AssertNoSeriousViolations("the access-denied page", await mira.Page.RunAxe());
    }

    [Fact]
    public async Task An_operator_accepts_answers_and_closes_with_the_keyboard_alone()
    {
        await _app.AddStaffAsync("klava", "operator", "oms");
        await using var operatorSession = await NewContextAsync();
        var page = operatorSession.Page;
        await page.GotoAsync("/staff/login");
        await SignInWithKeyboardAsync(page, "klava");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");

        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, userId, "как получить полис омс");
        await WebChatCalls.PressAsync(_app.Client, userId, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;
        var row = page.Locator($"tr[data-conversation='{conversationId}']");
        await Expect(row).ToBeVisibleAsync();

        await TabToAsync(page, row.GetByRole(AriaRole.Button, new() { Name = "Принять" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/conversations/" + conversationId));
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");

        await TabToAsync(page, page.GetByLabel("Текст ответа"));
        await page.Keyboard.TypeAsync("Полис оформляет страховая медицинская организация.");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Ответить", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ответ отправлен.");

        // A second reply typed but not sent: «Завершить» asks first, with the focus on staying.
        await TabToAsync(page, page.GetByLabel("Текст ответа"));
        await page.Keyboard.TypeAsync("Черновик, который не ушёл");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Завершить", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        var confirm = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Завершить, не отправив ответ?" });
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Вернуться к диалогу" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Текст ответа")).ToHaveValueAsync("Черновик, который не ушёл");
        await page.GetByLabel("Текст ответа").FillAsync(string.Empty);

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Завершить", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Диалог завершён.");

        var transcript = await _app.Services.GetRequiredService<DialogStores>().Transcripts.ReadAsync(conversationId, 0, CancellationToken.None);
        Assert.Contains(transcript, e => e.From == "operator" && e.Text == "Полис оформляет страховая медицинская организация." && e.OperatorId == "klava");
        operatorSession.AssertNoPageErrors();
    }

    [Fact]
    public async Task Two_operators_opening_one_waiting_conversation_the_second_is_told_a_colleague_took_it()
    {
        await _app.AddStaffAsync("zoya", "operator", "oms");
        await _app.AddStaffAsync("yuri", "operator", "oms");
        await using var zoya = await NewContextAsync();
        await using var yuri = await NewContextAsync();
        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, userId, "как получить полис омс");
        await WebChatCalls.PressAsync(_app.Client, userId, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;

        // Both open the waiting conversation; Zoya accepts first.
        foreach (var (session, login) in new[] { (zoya, "zoya"), (yuri, "yuri") })
        {
            await session.Page.GotoAsync("/staff/login");
            await SignInWithKeyboardAsync(session.Page, login);
            await Expect(session.Page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
            await session.Page.GotoAsync("/staff/conversations/" + conversationId);
            await Expect(session.Page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Диалог:");
        }

        await zoya.Page.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await Expect(zoya.Page.GetByLabel("Текст ответа")).ToBeVisibleAsync();

        // Yuri's page follows by itself and says why the conversation left him, not that it does not exist.
        await Expect(yuri.Page.GetByText("его принял другой специалист")).ToBeVisibleAsync();
        await Expect(yuri.Page.GetByText("Диалог не найден")).ToHaveCountAsync(0);
        await Expect(yuri.Page.GetByRole(AriaRole.Button, new() { Name = "Принять" })).ToHaveCountAsync(0);
        zoya.AssertNoPageErrors();
        yuri.AssertNoPageErrors();
    }

    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_pages_open_in_others_and_the_operator_is_no_longer_present()
    {
        await _app.AddStaffAsync("lena", "operator", "oms");
        await using var session = await NewContextAsync();
        var conversationPage = session.Page;
        await conversationPage.GotoAsync("/staff/login");
        await SignInWithKeyboardAsync(conversationPage, "lena");
        await Expect(conversationPage.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await conversationPage.GetByRole(AriaRole.Button, new() { Name = "Я на месте" }).ClickAsync();
        await Expect(conversationPage.GetByText("Ваш статус: на месте")).ToBeVisibleAsync();

        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, userId, "как получить полис омс");
        await WebChatCalls.PressAsync(_app.Client, userId, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;
        await conversationPage.Locator($"tr[data-conversation='{conversationId}']").GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await Expect(conversationPage.GetByLabel("Текст ответа")).ToBeVisibleAsync();

        // Another tab of the same browser signs out.
        var other = await session.Page.Context.NewPageAsync();
        await other.GotoAsync("/staff");
        await other.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/login"));

        // The open conversation stops acting for her: it goes to «Вход» by itself.
        await Expect(conversationPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/login"), new() { Timeout = 10_000 });
        await Expect(conversationPage.GetByLabel("Текст ответа")).ToHaveCountAsync(0);

        var operators = await _app.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<Assistant.Bot.Host.Staff.Console.StaffDesk>()
            .OperatorsAsync(CancellationToken.None);
        Assert.False(operators.Single(o => o.Login == "lena").Online);
    }

    [Fact]
    public async Task A_lost_connection_is_told_in_Russian_and_a_half_written_reply_survives_a_forced_reload()
    {
        await _app.AddStaffAsync("ilya", "operator", "oms");
        await using var session = await NewContextAsync();
        var page = session.Page;
        await page.GotoAsync("/staff/login");
        await SignInWithKeyboardAsync(page, "ilya");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, userId, "как получить полис омс");
        await WebChatCalls.PressAsync(_app.Client, userId, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, userId)).Id;
        await page.Locator($"tr[data-conversation='{conversationId}']").GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Диалог:");
        await page.GetByLabel("Текст ответа").FillAsync("Полис можно получить в любой страховой");

        // Blazor tells the page's reconnect element that the connection is lost (Playwright cannot cut an open WebSocket, so the
        // test raises Blazor's own event): the notice is Russian.
        await page.EvaluateAsync("() => document.getElementById('components-reconnect-modal').dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'show' } }))");
        var notice = page.GetByRole(AriaRole.Dialog, new() { Name = "Нет связи с сервером" });
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("Пробуем подключиться снова");
        AxeChecks.AssertNoSeriousViolations("the reconnect notice", await page.RunAxe());

        // The server no longer knows the page's session (a restarted host): the page reloads and the draft is put back.
        await page.EvaluateAsync("() => document.getElementById('components-reconnect-modal').dispatchEvent(new CustomEvent('components-reconnect-state-changed', { detail: { state: 'rejected' } }))");
        await Expect(page.GetByLabel("Текст ответа")).ToHaveValueAsync("Полис можно получить в любой страховой", new() { Timeout = 20_000 });
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Неотправленный ответ сохранён");
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (fails after 60 presses: it is not reachable).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"Tab never reached {target}");
    }

    private static async Task SignInWithKeyboardAsync(IPage page, string login)
    {
        var field = page.GetByLabel("Логин");
        await Expect(field).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(login);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Пароль")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(RunningApp.StaffPassword);
        await page.Keyboard.PressAsync("Enter");
    }

    private async Task<BrowserSession> NewContextAsync()
    {
        var context = await _chromium.Browser.NewContextAsync(new()
        {
            BaseURL = _app.Address.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "ru-RU",
        });
        context.SetDefaultTimeout(Timeout);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        return new BrowserSession(context, page, errors);
    }

    private sealed record BrowserSession(IBrowserContext Context, IPage Page, List<string> Errors) : IAsyncDisposable
    {
        public void AssertNoPageErrors() => Assert.True(Errors.Count == 0, "Script errors on the page:\n" + string.Join("\n", Errors));

        public async ValueTask DisposeAsync() => await Context.CloseAsync();
    }
}
