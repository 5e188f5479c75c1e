using System.Text;
using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// One citizen's conversation from «не знаю» to the supervisor's dashboard, in Chromium: the bot does not know, a moderator
/// attaches the question to an article in the inbox, the citizen asks again in the same widget and is answered, asks for a
/// person, an operator answers and closes, the citizen rates 4; the supervisor sees that rating under the article, its life
/// situation, the channel and the operator, and the CSV says the same.
/// </summary>
public sealed class UnansweredToDashboardBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Question = "бумажка для бассейна шмурдяк";

    [Fact]
    public async Task A_question_the_bot_did_not_know_is_attached_answered_handed_over_rated_and_counted_on_the_dashboard()
    {
        SetDefaultExpectTimeout(15_000);
        await using var app = new ConfiguredApp();
        await app.InitializeAsync();
        await app.AddStaffAsync("mod-flow", "moderator");
        await app.AddStaffAsync("sup-flow", "supervisor");
        var op = await app.OperatorAsync("op-flow");

        var citizen = await StaffBrowser.NewPageAsync(chromium, app);
        await citizen.GotoAsync("/");
        var chat = citizen.Locator("#assistant-chat");
        var log = chat.GetByRole(AriaRole.Log, new() { Name = "Переписка" });
        var input = chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" });
        await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
        await input.FillAsync(Question);
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log.Locator(".asw-kind--fallback")).ToHaveCountAsync(1);

        var moderator = await StaffBrowser.NewPageAsync(chromium, app);
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "mod-flow");
        await Expect(moderator.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var group = moderator.Locator("section.inbox-group", new() { HasText = Question });
        await group.GetByLabel("Статья").FillAsync("Медицинские справки");
        await group.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Добавлено формулировок: 1");

        // The same citizen, the same widget: answered now; then asks for a person.
        await input.FillAsync(Question);
        await citizen.Keyboard.PressAsync("Enter");
        var answer = log.Locator(".asw-kind--answer").Last;
        await Expect(answer).ToBeVisibleAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = "Оператор", Exact = true }).ClickAsync();
        await Expect(log.Locator(".asw-kind--handoffNotice")).ToBeVisibleAsync();

        var userId = await citizen.EvaluateAsync<string>("() => localStorage.getItem('assistant.userId')");
        var conversationId = (await WebChatCalls.ConversationOfAsync(app.Services, userId)).Id;
        await op.OkAsync(op.AcceptAsync(conversationId));
        await op.OkAsync(op.ReplyAsync(conversationId, "Справку для бассейна выдаёт участковый терапевт или педиатр."));
        await op.OkAsync(op.CloseAsync(conversationId));
        var stars = log.GetByRole(AriaRole.Radiogroup, new() { Name = "Оценка ответа" });
        await stars.GetByRole(AriaRole.Radio, new() { Name = "4 из 5", Exact = true }).CheckAsync(new() { Force = true });
        await log.GetByRole(AriaRole.Button, new() { Name = "Отправить оценку" }).ClickAsync();
        await Expect(log.Locator(".asw-kind--ratingThanks")).ToBeVisibleAsync();

        var supervisor = await StaffBrowser.NewPageAsync(chromium, app);
        await supervisor.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(supervisor, "sup-flow");
        await supervisor.GotoAsync("/staff/dashboard");
        foreach (var (dimension, key) in new[] { ("article", "records-certificates"), ("situation", "medical-records"), ("channel", "web"), ("operator", "op-flow") })
        {
            var row = supervisor.Locator($"table.csat[data-dimension={dimension}] tr[data-key='{key}'] td");
            await Expect(row.Nth(1)).ToHaveTextAsync("1");
            await Expect(row.Nth(2)).ToHaveTextAsync("4,00");
        }

        await Expect(supervisor.Locator("table.csat[data-dimension=article] tr[data-key='records-certificates']")).ToContainTextAsync("Медицинские справки");
        AxeChecks.AssertNoSeriousViolations("the dashboard after the flow", await supervisor.RunAxe());
        var download = await supervisor.RunAndWaitForDownloadAsync(() =>
            supervisor.GetByRole(AriaRole.Region, new() { Name = "Оценки по статьям" }).GetByRole(AriaRole.Link, new() { Name = "Скачать CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.Contains("records-certificates,Медицинские справки,1,4,0,0,0,1,0", csv);
        foreach (var page in new[] { citizen, moderator, supervisor })
        {
            await page.Context.CloseAsync();
        }
    }
}
