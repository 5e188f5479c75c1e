using Microsoft.Playwright;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>What the staff page tests do before their own steps: a fresh browser context on the app, and the sign-in form.</summary>
public static class StaffBrowser
{
    /// <summary>A new context (a new person: no cookies) at 1280×900, Russian locale, with a page open on nothing yet.</summary>
    public static async Task<IPage> NewPageAsync(ChromiumBrowser chromium, RunningApp app, float timeout = 15_000)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = app.Address.ToString(),
            Locale = "ru-RU",
            ViewportSize = new() { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(timeout);
        return await context.NewPageAsync();
    }

    /// <summary>Fills «Логин» and «Пароль» (the tests' password) on the sign-in page the browser is on, and presses «Войти».</summary>
    public static async Task SignInAsync(IPage page, string login)
    {
        await page.GetByLabel("Логин").FillAsync(login);
        await page.GetByLabel("Пароль").FillAsync(RunningApp.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
    }
}
