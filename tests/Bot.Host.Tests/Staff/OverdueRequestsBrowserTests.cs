using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The requests desk on its default 30-day deadline, with a clock the test moves past it.</summary>
public sealed class OverdueRequestsApp : ClockedApp;

/// <summary>
/// «Обращения» in Chromium a month later: a request past its 30-day deadline is listed first, in red, marked «просрочено»,
/// ahead of a new one and of an answered one that was filed earlier still.
/// </summary>
public sealed class OverdueRequestsBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<OverdueRequestsApp>
{
    private readonly ChromiumBrowser _chromium;
    private readonly OverdueRequestsApp _app;

    public OverdueRequestsBrowserTests(ChromiumBrowser chromium, OverdueRequestsApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(15_000);
    }

    [Fact]
    public async Task A_request_past_its_deadline_is_listed_first_and_marked_overdue()
    {
        var token = await _app.AddStaffAsync("desk-operator", "operator", "general");

        // Two requests today; the first is answered in time, the second is left alone.
        var answered = await WrittenRequestSteps.FileAsync(_app, WebChatCalls.NewUserId(), "Прошу разъяснить порядок получения путёвки", "first@example.ru");
        var forgotten = await WrittenRequestSteps.FileAsync(_app, WebChatCalls.NewUserId(), "Прошу сообщить, где получить справку 070/у", "second@example.ru");
        using (var staff = new HttpClient { BaseAddress = _app.Address })
        {
            staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var assigned = await staff.PostAsync($"api/requests/{Uri.EscapeDataString(answered)}/assign", null);
            Assert.True(assigned.IsSuccessStatusCode, await assigned.Content.ReadAsStringAsync());
            using var answer = await staff.PostAsJsonAsync($"api/requests/{Uri.EscapeDataString(answered)}/answer", new { text = "Путёвку выдаёт Социальный фонд." });
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        }

        // A month and a day later a third one comes in; the second is now past its deadline.
        _app.Clock.Advance(TimeSpan.FromDays(31));
        var fresh = await WrittenRequestSteps.FileAsync(_app, WebChatCalls.NewUserId(), "Прошу разъяснить, как сменить поликлинику", "third@example.ru");

        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/requests");
        await StaffBrowser.SignInAsync(page, "desk-operator");
        var rows = page.Locator("table.requests tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0)).ToContainTextAsync(forgotten);
        await Expect(rows.Nth(0)).ToContainTextAsync("просрочено");
        await Expect(rows.Nth(0)).ToHaveCSSAsync("background-color", "rgb(253, 226, 225)");
        await Expect(rows.Nth(1)).ToContainTextAsync(fresh);
        await Expect(rows.Nth(1)).ToContainTextAsync("новое");
        await Expect(rows.Nth(2)).ToContainTextAsync(answered);
        await Expect(rows.Nth(2)).ToContainTextAsync("отвечено");
        await Expect(rows.Filter(new() { HasText = "просрочено" })).ToHaveCountAsync(1);
        AxeChecks.AssertNoSeriousViolations("the requests list with an overdue request", await page.RunAxe());

        // Opened, it says so too, and it can still be taken into work.
        await rows.Nth(0).GetByRole(AriaRole.Link, new() { Name = forgotten }).ClickAsync();
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Обращение № " + forgotten);
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("просрочено");
        await page.GetByRole(AriaRole.Button, new() { Name = "Взять в работу" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Обращение взято в работу.");
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("second@example.ru");
        await page.Context.CloseAsync();
    }
}
