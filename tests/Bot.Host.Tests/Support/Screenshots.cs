using Microsoft.Playwright;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>
/// The documentation's screenshots are taken by the browser tests: with ASSISTANT_SCREENSHOTS set to a folder (docs/images),
/// a test saves the page it is looking at; otherwise nothing is written.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("ASSISTANT_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
