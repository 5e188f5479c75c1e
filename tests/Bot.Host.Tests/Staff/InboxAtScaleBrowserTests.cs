using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Stores;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The inbox with many questions, in Chromium: the page shows the biggest groups fifty at a time with one list of articles for
/// all of them; in a group of more phrasings than are shown, an action takes exactly the ticked ones on the page.
/// </summary>
public sealed class InboxAtScaleBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<RunningApp>
{
    private const string Repeated = "аренда катамарана на озере у турбазы";

    private readonly ChromiumBrowser _chromium;
    private readonly RunningApp _app;

    public InboxAtScaleBrowserTests(ChromiumBrowser chromium, RunningApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(30_000);
    }

    [Fact]
    public async Task A_full_inbox_shows_the_fifty_biggest_groups_with_one_article_list_and_more_on_request()
    {
        // Seed phrasings with everyday noise words, as the benchmark does: a few hundred groups.
        var random = new Random(3);
        var phrasings = Assistant.Knowledge.Seed.SeedKnowledgeBase.Load().Articles.SelectMany(a => a.Questions).ToList();
        string[] noise = ["подскажите", "пожалуйста", "срочно", "как быть", "здравствуйте", "для мамы"];
        await KeepAsync(Enumerable.Range(0, 400).Select(_ => Question($"{noise[random.Next(noise.Length)]} {phrasings[random.Next(phrasings.Count)].ToLowerInvariant()}")));
        var moderator = await SignInAsync("scale-1");
        var groups = moderator.Locator("section.inbox-group");

        await Expect(groups).ToHaveCountAsync(50);
        var total = (await _app.Services.GetRequiredService<Assistant.Bot.Host.Staff.Inbox.UnansweredInbox>().OpenAsync(CancellationToken.None)).Groups.Count;
        Assert.True(total > 100, $"{total} groups");
        await Expect(moderator.Locator("main")).ToContainTextAsync($"Показаны самые частые группы: 50 из {total}");
        var articles = _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().Articles.Count;
        await Expect(moderator.Locator("option")).ToHaveCountAsync(articles);
        await Expect(moderator.Locator("section.inbox-group select")).ToHaveCountAsync(0);
        var counts = await groups.Locator("h3").AllInnerTextsAsync();
        var sizes = counts.Select(h => int.Parse(h[(h.LastIndexOf('—') + 2)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        AxeChecks.AssertNoSeriousViolations("the inbox with many groups", await moderator.RunAxe());

        await moderator.GetByRole(AriaRole.Button, new() { Name = "Показать ещё 50 групп" }).ClickAsync();
        await Expect(groups).ToHaveCountAsync(100);

        // The article box narrows the one list as the moderator types; a suggestion fills it in one click.
        var first = groups.First;
        var box = first.GetByLabel("Статья");
        await box.FillAsync("Как оформить больничный");
        await Expect(box).ToHaveValueAsync("Как оформить больничный");
        await Expect(box).ToHaveAttributeAsync("list", "kb-articles");
        await moderator.Context.CloseAsync();
    }

    [Fact]
    public async Task An_action_on_a_group_takes_exactly_the_phrasings_ticked_on_the_page()
    {
        var ids = await KeepAsync(Enumerable.Range(0, 65).Select(_ => Question(Repeated)));
        var moderator = await SignInAsync("scale-2");
        var group = moderator.Locator("section.inbox-group", new() { HasText = Repeated });
        await Expect(group.Locator("h3")).ToContainTextAsync("— 65 вопросов");
        await Expect(group.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(30);
        await Expect(group).ToContainTextAsync("Не показано ещё 35 формулировок: они останутся во входящих — прикреплены или убраны будут только отмеченные выше.");

        // «Не относится к нам» with one shown phrasing unticked: the 29 ticked go, the unticked one and the 35 not shown stay.
        await group.GetByRole(AriaRole.Checkbox).First.UncheckAsync();
        await group.GetByRole(AriaRole.Button, new() { Name = "Не относится к нам" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Убраны из входящих: 29 вопросов.");
        await Expect(group.Locator("h3")).ToContainTextAsync("— 36 вопросов");
        var store = _app.Services.GetRequiredService<DialogStores>().Unanswered;
        Assert.Equal(36, (await store.ListOpenAsync(ids, CancellationToken.None)).Count);
        await Expect(group).ToContainTextAsync("Не показано ещё 6 формулировок");

        // «Показать все» puts every phrasing on the page; attaching then takes all the ticked ones, the unticked one stays.
        await group.GetByRole(AriaRole.Button, new() { Name = "Показать все 36" }).ClickAsync();
        await Expect(group.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(36);
        await group.GetByLabel("Статья").FillAsync("Медицинские справки");
        await group.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("Прикреплены к статье «Медицинские справки»: 35 вопросов. Добавлено формулировок: 1.");
        await Expect(group.Locator("h3")).ToContainTextAsync("— 1 вопрос");
        Assert.Single(await store.ListOpenAsync(ids, CancellationToken.None));

        // Attaching the same phrasing again adds nothing and says so.
        await group.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await group.GetByLabel("Статья").FillAsync("Медицинские справки");
        await group.GetByRole(AriaRole.Button, new() { Name = "Прикрепить к статье" }).ClickAsync();
        await Expect(moderator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Прикреплены к статье «Медицинские справки»: 1 вопрос. Добавлено формулировок: 0; уже были в статье и пропущены: 1.");
        await Expect(moderator.Locator("section.inbox-group", new() { HasText = Repeated })).ToHaveCountAsync(0);
        await moderator.Context.CloseAsync();
    }

    private static UnansweredMessage Question(string text) =>
        new() { ConversationId = Guid.NewGuid().ToString("N"), Channel = "web", Text = text, Kind = UnansweredKind.Fallback, At = DateTimeOffset.UtcNow };

    /// <summary>Keeps the questions as the dialog engine would; returns their ids.</summary>
    private async Task<List<long>> KeepAsync(IEnumerable<UnansweredMessage> messages)
    {
        var store = _app.Services.GetRequiredService<DialogStores>().Unanswered;
        var before = (await store.ListAsync(UnansweredStatus.Open, 1, CancellationToken.None)).FirstOrDefault()?.Id ?? 0;
        foreach (var message in messages)
        {
            await store.AddAsync(message, CancellationToken.None);
        }

        return [.. (await store.ListAsync(UnansweredStatus.Open, 10_000, CancellationToken.None)).Where(m => m.Id > before).Select(m => m.Id)];
    }

    private async Task<IPage> SignInAsync(string login)
    {
        await _app.AddStaffAsync(login, "moderator");
        var page = await StaffBrowser.NewPageAsync(_chromium, _app, 30_000);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, login);
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await Expect(page.Locator("section.inbox-group").First).ToBeVisibleAsync();
        return page;
    }
}
