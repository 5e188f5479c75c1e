using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The KB editor in Chromium: a moderator edits an article (live at once), sees lint warnings, compares with the previous
/// version and rolls back; a file with errors changes nothing and shows every error with its position.
/// </summary>
public sealed class KbEditorBrowserTests : IClassFixture<ChromiumBrowser>, IClassFixture<RunningApp>
{
    private const string Phrasing = "зюзя полисная для бабушки";

    private readonly ChromiumBrowser _chromium;
    private readonly RunningApp _app;

    public KbEditorBrowserTests(ChromiumBrowser chromium, RunningApp app)
    {
        _chromium = chromium;
        _app = app;
        SetDefaultExpectTimeout(30_000);
    }

    [Fact]
    public async Task An_edited_article_answers_at_once_the_diff_shows_the_change_and_a_rollback_undoes_it()
    {
        // Its own app: the other tests here change the KB, and what the bot answers depends on the whole KB.
        await using var app = new ConfiguredApp();
        await app.InitializeAsync();
        Assert.NotEqual("oms-get-policy", await AnsweredWithAsync(app, Phrasing));
        var page = await SignInAsync(app, "kb-editor-1");
        await page.GotoAsync("/staff/kb");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        AxeChecks.AssertNoSeriousViolations("the KB list", await page.RunAxe());
        await page.GetByLabel("Найти статью").FillAsync("полис ОМС");
        await page.Locator("table.kb").GetByRole(AriaRole.Link, new() { Name = "Как получить полис ОМС", Exact = true }).ClickAsync();
        // The list's own heading is interactive already: wait for the editor's, or typing races the editor's first render.
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Статья: Как получить полис ОМС");

        var questions = page.GetByLabel("Формулировки вопроса (по одной в строке)");
        await questions.FillAsync(await questions.InputValueAsync() + "\n" + Phrasing);
        var answer = page.GetByLabel("Ответ (Markdown)");
        await answer.FillAsync(await answer.InputValueAsync() + "\n\n" + new string('Д', 700));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Так ответ увидит гражданин" })).ToContainTextAsync("ДДДД");

        // «Проверить» asks a copy of the KB with the unsaved article: the new phrasing already finds it there, not in the live KB.
        await page.GetByLabel("Вопрос гражданина").FillAsync(Phrasing);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить", Exact = true }).ClickAsync();
        await Expect(page.Locator(".check-decision")).ToContainTextAsync("ответит статьёй — «Как получить полис ОМС»");
        Assert.NotEqual("oms-get-policy", await AnsweredWithAsync(app, Phrasing));

        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Сохранено");
        await Expect(page.Locator(".warnings")).ToContainTextAsync("Ответ длиннее 600 символов");
        await Expect(page.Locator(".warnings")).ToContainTextAsync("нет даты");
        AxeChecks.AssertNoSeriousViolations("the article editor", await page.RunAxe());
        Assert.Equal("oms-get-policy", await AnsweredWithAsync(app, Phrasing));

        var history = page.Locator("table.history tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await history.Last.GetByRole(AriaRole.Button, new() { Name = "Сравнить" }).ClickAsync();
        await Expect(page.Locator("#diff-heading")).ToContainTextAsync("Что изменилось с версии 1");
        await Expect(page.Locator("ul.diff")).ToContainTextAsync($"Формулировки: есть сейчас, не было в версии «{Phrasing}»");
        await Expect(page.Locator("ul.diff")).Not.ToContainTextAsync("«»");
        await history.Last.GetByRole(AriaRole.Button, new() { Name = "Вернуть" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Возвращена версия 1");
        await Expect(page.Locator("ul.diff")).ToHaveCountAsync(0);
        await Expect(questions).Not.ToContainTextAsync(Phrasing);
        Assert.NotEqual("oms-get-policy", await AnsweredWithAsync(app, Phrasing));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_new_article_started_from_an_inbox_group_has_its_phrasings_and_is_a_draft()
    {
        var page = await SignInAsync("kb-editor-3");
        await page.GotoAsync("/staff/kb/articles/new?phrasings=" + Uri.EscapeDataString("первая формулировка\nвторая формулировка"));
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");

        await Expect(page.GetByLabel("Формулировки вопроса (по одной в строке)")).ToHaveValueAsync("первая формулировка\nвторая формулировка");
        await Expect(page.GetByLabel("Статус")).ToHaveValueAsync("draft");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_life_situation_is_renamed_and_a_new_one_added()
    {
        var page = await SignInAsync("kb-editor-4");
        await page.GotoAsync("/staff/kb");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Название ситуации oms-policy" }).FillAsync("Полис ОМС: получение и замена");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить название ситуации oms-policy" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("сохранена");
        await page.GetByLabel("Новая ситуация: код").FillAsync("sanatorium");
        await page.GetByLabel("Название", new() { Exact = true }).FillAsync("Санаторно-курортное лечение");
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить ситуацию" }).ClickAsync();
        await Expect(page.Locator("tr[data-situation=sanatorium]")).ToBeVisibleAsync();

        var kb = await _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().ExportAsync(CancellationToken.None);
        Assert.Equal("Полис ОМС: получение и замена", kb.LifeSituations.Single(s => s.Id == "oms-policy").Title);
        Assert.Equal("Санаторно-курортное лечение", kb.LifeSituations.Single(s => s.Id == "sanatorium").Title);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_file_with_errors_changes_nothing_and_every_error_is_shown_with_its_position()
    {
        var before = (await _app.Client.PostAsJsonAsync("api/ask", new { text = "как получить полис омс" })).StatusCode;
        var page = await SignInAsync("kb-editor-2");
        await page.GotoAsync("/staff/kb");
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        var count = await page.Locator("table.kb tbody tr").CountAsync();

        await page.GetByLabel("Файл", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "broken.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""{"lifeSituations":[{"id":"x","title":"X"}],"articles":[{"id":"a1","lifeSituation":"nope","title":"","questions":[],"answer":""}]}"""),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();

        var errors = page.GetByRole(AriaRole.Alert);
        await Expect(errors).ToContainTextAsync("база знаний не изменилась");
        Assert.True(await errors.Locator("li").CountAsync() >= 2);
        // In Russian, with the form's words and positions counted from 1.
        await Expect(errors).ToContainTextAsync("Статья 1, «Заголовок»: обязательно");
        await Expect(errors).ToContainTextAsync("«nope» нет среди жизненных ситуаций");
        await Expect(page.Locator("table.kb tbody tr")).ToHaveCountAsync(count);

        // A source date that is no date and a blank title: both listed, in Russian, with the file's own name.
        await page.GetByLabel("Файл", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "kb-moderator.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""
                {"lifeSituations":[{"id":"oms-policy","title":"Полис ОМС"}],
                 "articles":[
                   {"id":"a1","lifeSituation":"oms-policy","title":"Полис","questions":["как получить полис"],"answer":"В страховой.",
                    "sources":[{"title":"ФФОМС","url":"https://www.ffoms.gov.ru/","date":"2026-02-31"}]},
                   {"id":"a2","lifeSituation":"oms-policy","title":"","questions":["где полис"],"answer":"В страховой."}]}
                """),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
        await Expect(errors).ToContainTextAsync("Файл «kb-moderator.json» не загружен, база знаний не изменилась. Ошибок: 2.");
        await Expect(errors.Locator("li")).ToHaveTextAsync([
            "Статья 1, источник 1, дата: «2026-02-31» — не дата в виде ГГГГ-ММ-ДД (например, 2026-02-28)",
            "Статья 2, «Заголовок»: обязательно",
        ]);

        await page.GetByLabel("Файл", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "kb.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes("hello"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
        await Expect(errors.Locator("li")).ToHaveTextAsync(["Файл «kb.txt»: расширение «.txt» не поддерживается: нужен .json, .csv или .tsv"]);
        await Expect(page.Locator("table.kb tbody tr")).ToHaveCountAsync(count);
        Assert.Equal(before, (await _app.Client.PostAsJsonAsync("api/ask", new { text = "как получить полис омс" })).StatusCode);
        Assert.Equal("oms-get-policy", await AnsweredWithAsync("как получить полис омс"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_draft_is_not_used_by_the_bot_until_it_is_published_and_lint_warnings_come_back_with_the_save()
    {
        using var moderator = new HttpClient { BaseAddress = _app.Address };
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", await _app.AddStaffAsync("kb-api", "moderator"));
        await _app.AddStaffAsync("kb-operator", "operator", "care");
        object Article(string status, string group = "care") => new
        {
            id = "pool-certificate", lifeSituation = "records", title = "Справка для бассейна", status,
            questions = new[] { "кракозябра справка бассейн плавание" }, answer = "Справку для бассейна выдаёт участковый терапевт или педиатр.",
            handoffGroup = group,
        };

        // A handover group no operator belongs to (a typo) is warned about; one with an operator is not.
        using (var draft = await moderator.PutAsJsonAsync("api/kb/articles/pool-certificate", Article("draft", "caer")))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, draft.StatusCode);
            var saved = await draft.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(saved.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Нет источника"));
            Assert.Contains(saved.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("В группе «caer» нет ни одного специалиста"));
        }

        using (var draft = await moderator.PutAsJsonAsync("api/kb/articles/pool-certificate", Article("draft")))
        {
            var saved = await draft.Content.ReadFromJsonAsync<JsonElement>();
            Assert.DoesNotContain(saved.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("нет ни одного специалиста"));
        }

        Assert.NotEqual("pool-certificate", await AnsweredWithAsync("кракозябра справка бассейн плавание"));
        using (var published = await moderator.PutAsJsonAsync("api/kb/articles/pool-certificate", Article("published")))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, published.StatusCode);
        }

        Assert.Equal("pool-certificate", await AnsweredWithAsync("кракозябра справка бассейн плавание"));
        using var invalid = await moderator.PutAsJsonAsync("api/kb/articles/pool-certificate", new { id = "x", lifeSituation = "records", title = "", questions = Array.Empty<string>(), answer = "" });
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal("pool-certificate", await AnsweredWithAsync("кракозябра справка бассейн плавание"));
    }

    private Task<string?> AnsweredWithAsync(string text) => AnsweredWithAsync(_app, text);

    private static async Task<string?> AnsweredWithAsync(RunningApp app, string text)
    {
        using var response = await app.Client.PostAsJsonAsync("api/ask", new { text });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return result.GetProperty("decision").GetString() == "answer" ? result.GetProperty("chosen")[0].GetString() : null;
    }

    private Task<IPage> SignInAsync(string login) => SignInAsync(_app, login);

    private async Task<IPage> SignInAsync(RunningApp app, string login)
    {
        await app.AddStaffAsync(login, "moderator");
        var page = await StaffBrowser.NewPageAsync(_chromium, app, 30_000);
        await page.GotoAsync("/staff/login");
        await StaffBrowser.SignInAsync(page, login);
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        return page;
    }
}
