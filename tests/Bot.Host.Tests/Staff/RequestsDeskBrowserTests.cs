using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The written requests desk in Chromium: a citizen files a request in the widget, an operator finds it in «Обращения», takes it,
/// sees the contact only then, answers into the citizen's chat and closes it; every view is audited.
/// </summary>
public sealed class RequestsDeskBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<RunningApp>
{
    private const float Timeout = 15_000;

    private readonly ChromiumBrowser _chromium;
    private readonly RunningApp _app;

    public RequestsDeskBrowserTests(ChromiumBrowser chromium, RunningApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(Timeout);
    }

    [Fact]
    public async Task A_request_from_the_chat_is_taken_answered_into_the_chat_and_closed()
    {
        await _app.AddStaffAsync("galina", "operator", "general");
        var citizen = await NewPageAsync();
        var staff = await NewPageAsync();

        await citizen.GotoAsync("/");
        var chat = citizen.Locator("#assistant-chat");
        var log = chat.GetByRole(AriaRole.Log, new() { Name = "Переписка" });
        var input = chat.GetByRole(AriaRole.Textbox, new() { Name = "Ваш вопрос" });
        await Expect(log.Locator(".asw-kind--greeting")).ToBeVisibleAsync();
        await input.FillAsync("написать обращение");
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log).ToContainTextAsync("Опишите");
        await input.FillAsync("Прошу разъяснить порядок получения путёвки в санаторий");
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log).ToContainTextAsync("e-mail или телефон");
        await input.FillAsync("galkina@example.ru");
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(log.Locator(".asw-kind--requestAcknowledged")).ToContainTextAsync("№ МЗ-000001");

        await staff.GotoAsync("/staff/requests");
        await StaffBrowser.SignInAsync(staff, "galina");
        var row = staff.Locator("table.requests tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("МЗ-000001");
        await Expect(row).ToContainTextAsync("новое");
        AxeChecks.AssertNoSeriousViolations("the requests list", await staff.RunAxe());

        await row.GetByRole(AriaRole.Link, new() { Name = "МЗ-000001" }).ClickAsync();
        await Expect(staff.Locator("h1[data-ready=yes]")).ToContainTextAsync("Обращение № МЗ-000001");
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync("виден только исполнителю");
        await Expect(staff.Locator("dl.facts")).Not.ToContainTextAsync("galkina@example.ru");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Взять в работу" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Обращение взято в работу.");
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync("galkina@example.ru");
        AxeChecks.AssertNoSeriousViolations("a request in work", await staff.RunAxe());

        await staff.GetByLabel("Текст ответа").FillAsync("Путёвку выдаёт отделение Социального фонда по заявлению и справке 070/у.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ответить" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Ответ сохранён.");
        await Expect(staff.GetByText("Ответ отправлен в чат гражданина в канале обращения.")).ToBeVisibleAsync();
        await Expect(log.Locator(".asw-msg--operator")).ToContainTextAsync("Ответ на ваше обращение № МЗ-000001");
        await Expect(log.Locator(".asw-msg--operator")).ToContainTextAsync("справке 070/у");

        await staff.GetByRole(AriaRole.Button, new() { Name = "Закрыть обращение" }).ClickAsync();
        await Expect(staff.Locator("dl.facts")).ToContainTextAsync("закрыто");

        var audit = await _app.Services.GetRequiredService<AuditLog>().ReadAsync("galina", null, 100, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "request-open" && e.RequestNumber == "МЗ-000001" && e.Details == "contact hidden");
        Assert.Contains(audit, e => e.Action == "request-assign" && e.RequestNumber == "МЗ-000001");
        Assert.Contains(audit, e => e.Action == "request-answer" && e.Details == "sent to the channel");
        Assert.Contains(audit, e => e.Action == "request-close");
        Assert.DoesNotContain(audit, e => (e.Details ?? "").Contains("galkina", StringComparison.Ordinal));
        await citizen.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    private Task<IPage> NewPageAsync() => StaffBrowser.NewPageAsync(_chromium, _app);
}
