using Assistant.Bot.Host.Tests.Staff;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Lifecycle;
using Assistant.Tests.Servers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.ScaleOut;

/// <summary>
/// Two hosts on Redis + PostgreSQL: an operator's console on host A hears about a handover host B took in (through Redis), and the
/// personal-manager routing on host B reads the presence the manager set on host A.
/// </summary>
public sealed class ScaledOutConsoleTests(RedisServer redis, PostgresServer postgres, ChromiumBrowser chromium)
    : IClassFixture<RedisServer>, IClassFixture<PostgresServer>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_handover_on_host_B_reaches_the_console_on_host_A_live_and_goes_to_the_personal_manager_present_there()
    {
        var database = await postgres.CreateDatabaseAsync();
        (string, string)[] settings = [("ConnectionStrings:Redis", redis.Configuration), ("ConnectionStrings:Postgres", database)];
        await using var a = new ConfiguredApp(settings);
        await using var b = new ConfiguredApp(settings);
        await a.InitializeAsync();
        await b.InitializeAsync();
        var manager = await a.OperatorAsync("pm-a", "oms");
        var managerOnB = new OperatorClient(b.Client, await b.AddStaffAsync("pm-a", "operator", "oms"), "pm-a");

        // The manager signs in to the console on host A and waits on the queue.
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = a.Address.ToString(), Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "pm-a");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");

        // First contact, through host B: the manager takes it from host A, flags the person, closes.
        var citizen = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(b.Client, citizen, "как получить полис омс");
        await WebChatCalls.PressAsync(b.Client, citizen, "Оператор", "operator");
        var rows = page.Locator("table.queue tbody tr");
        await Expect(rows).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        var first = (await WebChatCalls.ConversationOfAsync(b.Services, citizen)).Id;
        await manager.OkAsync(manager.AcceptAsync(first));
        await Expect(rows).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        await manager.OkAsync(manager.FlagAsync(first, "инвалидность"));
        await manager.OkAsync(manager.CloseAsync(first));
        await WebChatCalls.AcceptedAsync(WebChatCalls.PostAsync(b.Client,
            new { userId = citizen, clientMessageId = WebChatCalls.NewClientMessageId(), type = "rating", rating = 5 }));
        await WebChatCalls.SendAsync(b.Client, citizen, "спасибо");

        // Present on host A; the next handover is taken in on host B and reserved for the manager.
        using (var present = await manager.SetPresenceAsync(true))
        {
            Assert.True(present.IsSuccessStatusCode);
        }

        await WebChatCalls.SendAsync(b.Client, citizen, "как получить полис омс");
        await WebChatCalls.PressAsync(b.Client, citizen, "Оператор", "operator");
        var second = await WebChatCalls.ConversationOfAsync(b.Services, citizen);
        Assert.Equal(ConversationState.WaitingForOperator, second.State);
        Assert.Equal("pm-a", second.PersonalManagerId);
        await Expect(rows).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        await Expect(rows.First).ToContainTextAsync("ваш клиент");
        await managerOnB.OkAsync(managerOnB.AcceptAsync(second.Id));

        // The sign-in cookie host A issued opens host B too (cookies ignore the port): the keys are shared through PostgreSQL.
        await page.GotoAsync(new Uri(b.Address, "staff").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Очередь", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("h2#mine-heading")).ToContainTextAsync("Мои диалоги (1 из");
        await context.CloseAsync();
    }
}
