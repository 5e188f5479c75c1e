using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The app on its default SLA settings (first response 2 min, queue limit 15 min), with a clock the test moves.</summary>
public sealed class SlaClockApp : ClockedApp;

/// <summary>
/// The SLA colour of a waiting conversation on «Очередь», in Chromium: green «в норме» under the first-response target, amber
/// «дольше цели» past it, red «сверх предела» past the 15-minute queue limit, changing on the open page without a reload. The
/// app's clock is moved forward; the page repaints on its own timer.
/// </summary>
public sealed class QueueSlaColourBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<SlaClockApp>
{
    // The page repaints waiting times every 15 s; a generous margin on a loaded machine.
    private const float Repaint = 60_000;

    private readonly ChromiumBrowser _chromium;
    private readonly SlaClockApp _app;

    public QueueSlaColourBrowserTests(ChromiumBrowser chromium, SlaClockApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(15_000);
    }

    [Fact]
    public async Task A_waiting_row_is_green_under_the_target_amber_past_it_and_red_past_15_minutes()
    {
        await _app.AddStaffAsync("sla-operator", "operator", "oms");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "sla-operator");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Очередь", Level = 1 })).ToHaveAttributeAsync("data-ready", "yes");

        var citizen = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, citizen, "как получить полис омс");
        await WebChatCalls.PressAsync(_app.Client, citizen, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(_app.Services, citizen)).Id;
        var row = page.Locator($"table.queue tbody tr[data-conversation='{conversationId}']");

        // Just handed over: well under the 2-minute target.
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".sla-label")).ToHaveTextAsync("в норме");
        await Expect(row).ToHaveCSSAsync("background-color", "rgb(230, 244, 234)");

        // Three minutes later: past the target, amber, on the same open page.
        _app.Clock.Advance(TimeSpan.FromMinutes(3));
        await Expect(row.Locator(".sla-label")).ToHaveTextAsync("дольше цели", new() { Timeout = Repaint });
        await Expect(row).ToHaveCSSAsync("background-color", "rgb(255, 244, 214)");
        await Expect(row.Locator(".sla")).ToContainTextAsync("3 мин");
        AxeChecks.AssertNoSeriousViolations("the queue with an amber row", await page.RunAxe());

        // Sixteen minutes: over the programme's 15-minute limit, red.
        _app.Clock.Advance(TimeSpan.FromMinutes(13));
        await Expect(row.Locator(".sla-label")).ToHaveTextAsync("сверх предела", new() { Timeout = Repaint });
        await Expect(row).ToHaveCSSAsync("background-color", "rgb(253, 226, 225)");
        await Expect(row.Locator(".sla")).ToContainTextAsync("16 мин");
        AxeChecks.AssertNoSeriousViolations("the queue with a red row", await page.RunAxe());
        await page.Context.CloseAsync();
    }
}
