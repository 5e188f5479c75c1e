using Assistant.Bot.Host.Staff.Console;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// «На месте» lasts while the operator has a console open (or an integration keeps calling): a closed browser sets them away by
/// itself, so supervisors and personal-manager routing stop counting on them. Timeout and sweep shortened to seconds.
/// </summary>
public sealed class PresenceTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task An_operator_who_closes_the_browser_without_signing_out_becomes_away_and_one_with_the_console_open_stays()
    {
        await using var app = new ConfiguredApp(("Staff:PresenceTimeout", "00:00:03"), ("Staff:PresenceSweepInterval", "00:00:01"));
        await app.InitializeAsync();
        await app.AddStaffAsync("olga", "operator", "oms");
        var apiOnly = await app.OperatorAsync("pavel", "oms");

        var page = await StaffBrowser.NewPageAsync(chromium, app);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "olga");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Я на месте" }).ClickAsync();
        await Expect(page.GetByText("Ваш статус: на месте")).ToBeVisibleAsync();
        await apiOnly.OkAsync(apiOnly.SetPresenceAsync(true));

        // Pavel said «на месте» through the API once and went quiet: he is set away; Olga, whose console is open, is not.
        await WaitUntilAsync(app, "pavel", online: false);
        Assert.True(await OnlineAsync(app, "olga"));

        // Olga closes the browser without «Выйти».
        await page.Context.CloseAsync();
        await WaitUntilAsync(app, "olga", online: false);
        var audit = await app.Services.GetRequiredService<Assistant.Bot.Host.Staff.Audit.AuditLog>().ReadAsync("olga", null, 50, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "away" && e.Details == "no console open");
    }

    private static async Task WaitUntilAsync(RunningApp app, string login, bool online)
    {
        for (var tries = 0; tries < 150; tries++)
        {
            if (await OnlineAsync(app, login) == online)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{login} never became {(online ? "online" : "away")}");
    }

    private static async Task<bool> OnlineAsync(RunningApp app, string login)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var operators = await scope.ServiceProvider.GetRequiredService<StaffDesk>().OperatorsAsync(CancellationToken.None);
        return operators.Single(o => o.Login == login).Online;
    }
}
