using Assistant.Bot.Host.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// Every staff page on a phone held upright (375 px wide): nothing scrolls sideways, the queue's «Принять» is on screen, and
/// the pages stay axe-clean.
/// </summary>
public sealed class NarrowScreenBrowserTests(ChromiumBrowser chromium, OperatorApp app) : IClassFixture<ChromiumBrowser>, IClassFixture<OperatorApp>
{
    [Fact]
    public async Task Staff_pages_fit_a_375_pixel_screen()
    {
        await app.AddStaffAsync("sonya", "supervisor");
        await app.AddStaffAsync("mark", "moderator");
        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, userId, "как получить полис омс");
        await WebChatCalls.PressAsync(app.Client, userId, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(app.Services, userId)).Id;

        var supervisor = await NarrowPageAsync();
        await supervisor.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(supervisor, "sonya");
        await Expect(supervisor.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var accept = supervisor.Locator($"tr[data-conversation='{conversationId}']").GetByRole(AriaRole.Button, new() { Name = "Принять" });
        await Expect(accept).ToBeInViewportAsync();
        await AssertFitsAsync(supervisor, "the queue");
        foreach (var path in new[] { "/staff/requests", "/staff/dashboard", "/staff/operators", "/staff/audit", $"/staff/conversations/{conversationId}" })
        {
            await supervisor.GotoAsync(path);
            await Expect(supervisor.Locator("h1")).ToBeVisibleAsync();
            await AssertFitsAsync(supervisor, path);
        }

        var moderator = await NarrowPageAsync();
        await moderator.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(moderator, "mark");
        foreach (var path in new[] { "/staff/inbox", "/staff/kb", "/staff/kb/articles/oms-get-policy" })
        {
            await moderator.GotoAsync(path);
            await Expect(moderator.Locator("h1")).ToBeVisibleAsync();
            await AssertFitsAsync(moderator, path);
        }

        await supervisor.Context.CloseAsync();
        await moderator.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, width) = (sizes[0], sizes[1]);
        Assert.True(scroll <= width, $"{what}: the page is {scroll} px wide on a {width} px screen");
        AxeChecks.AssertNoSeriousViolations(what + " at 375 px", await page.RunAxe());
    }

    private async Task<IPage> NarrowPageAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = app.Address.ToString(),
            Locale = "ru-RU",
            ViewportSize = new() { Width = 375, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }
}
