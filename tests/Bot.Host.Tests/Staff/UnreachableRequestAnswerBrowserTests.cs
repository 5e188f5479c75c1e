using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Retention;
using Assistant.Dialogs.Stores;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>Finished conversations are kept one day only (Retention:Transcripts), and a clock the test moves.</summary>
public sealed class ShortTranscriptsApp : ClockedApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Retention:Transcripts", "1.00:00:00")];
}

/// <summary>
/// Answering a written request whose chat can no longer be reached (its conversation closed for inactivity and then removed
/// by the retention purge, while the request itself is kept): the answer is recorded, and the page says it was not sent and
/// should go to the citizen's contact.
/// </summary>
public sealed class UnreachableRequestAnswerBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<ShortTranscriptsApp>
{
    private readonly ChromiumBrowser _chromium;
    private readonly ShortTranscriptsApp _app;

    public UnreachableRequestAnswerBrowserTests(ChromiumBrowser chromium, ShortTranscriptsApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(15_000);
    }

    [Fact]
    public async Task An_answer_to_a_request_whose_chat_is_gone_is_recorded_and_the_page_says_it_was_not_sent()
    {
        await _app.AddStaffAsync("desk-unreachable", "operator", "general");
        var citizen = WebChatCalls.NewUserId();
        var number = await WrittenRequestSteps.FileAsync(_app, citizen, "Прошу разъяснить порядок выдачи справки 086/у", "zayavitel@example.ru");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, citizen)).Id;
        var stores = _app.Services.GetRequiredService<DialogStores>();

        // The inactivity sweep closes the silent chat (it then waits a day for a rating), a later sweep finishes it, and two
        // days after that the purge removes it. The sweeps and the purge are run here as their background services would.
        var engine = _app.Services.GetRequiredService<ConversationEngine>();
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await engine.CloseInactiveAsync(_app.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(ConversationState.AwaitingRating, (await stores.Conversations.GetAsync(conversationId, CancellationToken.None))?.State);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await engine.CloseInactiveAsync(_app.Clock.GetUtcNow(), CancellationToken.None);
        var finished = await stores.Conversations.GetAsync(conversationId, CancellationToken.None);

        // (The app's own purge, a minute after its start, may have been quicker on a slow machine.)
        Assert.True(finished is null || finished.State == ConversationState.Done, $"the chat is {finished?.State}");
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await _app.Services.GetRequiredService<RetentionPurge>().RunAsync(dryRun: false, CancellationToken.None);
        Assert.Null(await stores.Conversations.GetAsync(conversationId, CancellationToken.None));

        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/requests/" + Uri.EscapeDataString(number));
        await StaffBrowser.SignInAsync(page, "desk-unreachable");
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Обращение № " + number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Взять в работу" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Обращение взято в работу.");
        await page.GetByLabel("Текст ответа").FillAsync("Справку 086/у выдаёт поликлиника по месту прикрепления.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ответить" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ответ сохранён.");
        await Expect(page.GetByText("Канал недоступен: направьте ответ на контакт гражданина.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Ответ отправлен гражданину в канал обращения.")).ToHaveCountAsync(0);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("отвечено");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("zayavitel@example.ru");
        AxeChecks.AssertNoSeriousViolations("a request answered but not sent", await page.RunAxe());

        // After a reload too: the answer is stored, marked as not delivered.
        await page.ReloadAsync();
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Обращение № " + number);
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Ответ" })).ToContainTextAsync("поликлиника по месту прикрепления");
        await Expect(page.GetByText("Канал недоступен: направьте ответ на контакт гражданина.")).ToBeVisibleAsync();
        var stored = await stores.Requests.GetWithWorkAsync(number, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.False(stored.Work.AnswerDelivered);
        var audit = await _app.Services.GetRequiredService<AuditLog>().ReadAsync("desk-unreachable", null, 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "request-answer" && e.RequestNumber == number && e.Details != "sent to the channel");
        await page.Context.CloseAsync();
    }
}
