using Assistant.Bot.Host.Tests.Support;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Storage;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>An app whose KB store can be made to fail, as a database that went away would.</summary>
public sealed class FailingKbStoreApp : RunningApp
{
    public FlakyKnowledgeStore? Store { get; private set; }

    protected override void ConfigureHost(WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IKnowledgeStore>(sp => Store = new FlakyKnowledgeStore(
            new SqliteKnowledgeStore(sp.GetRequiredService<IOptions<Assistant.Bot.Host.Knowledge.StorageOptions>>().Value.KnowledgeDatabasePath)));
}

/// <summary>The SQLite KB store, failing every write while <see cref="Failing"/> is set.</summary>
public sealed class FlakyKnowledgeStore(IKnowledgeStore inner) : IKnowledgeStore
{
    public bool Failing { get; set; }

    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) => inner.IsEmptyAsync(cancellationToken);

    public Task<KnowledgeBase> LoadAsync(CancellationToken cancellationToken) => inner.LoadAsync(cancellationToken);

    public Task ReplaceAsync(KnowledgeBase kb, CancellationToken cancellationToken) =>
        Failing ? throw new InvalidOperationException("database is gone: " + kb.Articles[0].Title) : inner.ReplaceAsync(kb, cancellationToken);

    public Task<bool> ReplaceIfEmptyAsync(KnowledgeBase kb, CancellationToken cancellationToken) => inner.ReplaceIfEmptyAsync(kb, cancellationToken);

    public Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken) =>
        Failing ? throw new InvalidOperationException("database is gone") : inner.AddQuestionAsync(articleId, question, cancellationToken);
}

/// <summary>
/// A failure on the server during a staff action (the database went away) is told on the page, in Russian, and loses nothing:
/// the form keeps what was typed and the page keeps working, so the action can be repeated once the server is back.
/// </summary>
public sealed class ServerFailureBrowserTests(FailingKbStoreApp app, ChromiumBrowser chromium) : IClassFixture<FailingKbStoreApp>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_save_that_fails_on_the_server_keeps_the_form_and_the_page_and_succeeds_when_tried_again()
    {
        SetDefaultExpectTimeout(15_000);
        await app.AddStaffAsync("kb-failing", "moderator");
        var page = await StaffBrowser.NewPageAsync(chromium, app);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, "kb-failing");
        await page.GotoAsync("/staff/kb/articles/dental-free");
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Статья:");
        const string title = "Бесплатная стоматология по полису ОМС";
        await page.GetByLabel("Заголовок").FillAsync(title);

        app.Store!.Failing = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Не получилось: на сервере ошибка. Введённое осталось в форме");
        await Expect(page.GetByLabel("Заголовок")).ToHaveValueAsync(title);
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        Assert.Contains(app.LoggedErrors, e => e.Contains("A staff page action failed on ArticleEditorPage: InvalidOperationException", StringComparison.Ordinal));
        Assert.DoesNotContain(app.LoggedErrors, e => e.Contains(title, StringComparison.Ordinal) || e.Contains("database is gone", StringComparison.Ordinal));
        AxeChecks.AssertNoSeriousViolations("the editor after a failed save", await page.RunAxe());

        app.Store.Failing = false;
        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Опубликовано");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
