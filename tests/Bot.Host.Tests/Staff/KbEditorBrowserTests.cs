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

        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Опубликовано: версия 2");
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
    public async Task A_new_draft_from_an_inbox_group_is_checked_as_if_published_and_its_new_life_situation_needs_a_title()
    {
        const string phrasing = "где оформить пропуск на парковку у поликлиники";
        var page = await SignInAsync("kb-editor-3");
        await page.GotoAsync("/staff/kb/articles/new?phrasings=" + Uri.EscapeDataString(phrasing + "\nпропуск на въезд автомобиля к поликлинике"));
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("data-ready", "yes");
        await Expect(page.GetByLabel("Формулировки вопроса (по одной в строке)")).ToHaveValueAsync(phrasing + "\nпропуск на въезд автомобиля к поликлинике");
        await Expect(page.Locator("p.publication")).ToContainTextAsync("«Сохранить черновик» сохранит её, не показывая гражданам");

        await page.GetByLabel("Код статьи").FillAsync("parking");
        await page.GetByLabel("Заголовок").FillAsync("Пропуск для автомобиля на территорию поликлиники");
        await page.GetByLabel("Ответ (Markdown)").FillAsync("Пропуск для въезда оформляет администрация поликлиники: обратитесь к заместителю главного врача.");
        await page.GetByLabel("Источники").FillAsync("Правила внутреннего распорядка | https://example.org/rules | 2025-09-31");

        // The situation is chosen from the KB's, by title; a new one is created on purpose, and not without a title.
        var situation = page.GetByLabel("Жизненная ситуация", new() { Exact = true });
        await Expect(situation.Locator("option", new() { HasText = "Прикрепление к поликлинике (clinic-attachment)" })).ToHaveCountAsync(1);
        await situation.SelectOptionAsync(new SelectOptionValue { Label = "Новая ситуация…" });
        await page.GetByLabel("Код новой ситуации").FillAsync("clinic-parking");
        await page.GetByLabel("Код статьи").FillAsync("oms-get-policy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить черновик" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Статья с кодом «oms-get-policy» уже есть");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("У новой жизненной ситуации должно быть название");
        // A source date that is no date is said, not silently dropped.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Источник 1: «2025-09-31» — не дата в виде ГГГГ-ММ-ДД");
        await Expect(page.GetByLabel("Источники")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Источники").FillAsync("Правила внутреннего распорядка | https://example.org/rules | 2025-09-01");
        await page.GetByLabel("Код статьи").FillAsync("parking-pass");
        await Expect(page.GetByLabel("Название новой ситуации")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByLabel("Название новой ситуации").FillAsync("Парковка у поликлиники");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить черновик" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Черновик сохранён (версия 1)");
        await Expect(page.Locator("p.publication")).ToContainTextAsync("Черновик, версия 1: бот этой статьёй не отвечает");
        await Expect(situation).ToHaveValueAsync("clinic-parking");
        AxeChecks.AssertNoSeriousViolations("the editor of a new draft", await page.RunAxe());

        // «Проверить» asks the KB as it would be with the draft published: its own phrasing finds it; the live bot does not.
        await page.GetByLabel("Вопрос гражданина").FillAsync(phrasing);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить", Exact = true }).ClickAsync();
        await Expect(page.Locator(".check-decision")).ToContainTextAsync("ответит статьёй — «Пропуск для автомобиля на территорию поликлиники»");
        await Screenshots.SaveAsync(page, "kb-editor");
        Assert.NotEqual("parking-pass", await AnsweredWithAsync(phrasing));

        var kb = await _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().ExportAsync(CancellationToken.None);
        Assert.Equal("Парковка у поликлиники", kb.LifeSituations.Single(s => s.Id == "clinic-parking").Title);
        Assert.Equal(Assistant.Knowledge.Model.ArticleStatus.Draft, kb.Articles.Single(a => a.Id == "parking-pass").Status);

        // The list names situations by their titles.
        await page.GotoAsync("/staff/kb");
        await Expect(page.Locator("tr[data-article=parking-pass] td").Nth(1)).ToHaveTextAsync("Парковка у поликлиники");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_mistyped_life_situation_is_refused_as_in_an_import_not_created()
    {
        using var moderator = new HttpClient { BaseAddress = _app.Address };
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", await _app.AddStaffAsync("kb-api-situation", "moderator"));

        using var saved = await moderator.PutAsJsonAsync("api/kb/articles/clinic-typo", new
        {
            id = "clinic-typo", lifeSituation = "clinik", title = "Опечатка в ситуации", questions = new[] { "вопрос" }, answer = "Ответ.",
        });

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        var errors = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "lifeSituation"
            && e.GetProperty("message").GetString() == "'clinik' is not one of the life situations");
        var kb = await _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>().ExportAsync(CancellationToken.None);
        Assert.DoesNotContain(kb.LifeSituations, s => s.Id == "clinik");
    }

    [Fact]
    public async Task A_published_article_keeps_answering_while_its_draft_waits_and_attaches_are_numbered_versions()
    {
        // Its own app: what the bot answers with depends on the whole KB.
        await using var app = new ConfiguredApp();
        await app.InitializeAsync();
        const string drafted = "пумпурум тырлым вжикалка";
        using var moderator = new HttpClient { BaseAddress = app.Address };
        moderator.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync("kb-attach", "moderator"));

        // Two attaches from the inbox: two numbered versions, each saying what it changed.
        foreach (var question in new[] { "шмурдяк бурдымага зюзюка", "вжухлик кракозяблик тыдыщ" })
        {
            await WebChatCalls.SendAsync(app.Client, WebChatCalls.NewUserId(), question);
            var id = await UnansweredIdAsync(moderator, question);
            using var attached = await moderator.PostAsJsonAsync("api/moderation/inbox/attach", new { messageIds = new[] { id }, articleId = "sanatorium-rehab" });
            Assert.Equal(System.Net.HttpStatusCode.OK, attached.StatusCode);
        }

        var page = await SignInAsync(app, "kb-editor-5");
        await page.GotoAsync("/staff/kb/articles/sanatorium-rehab");
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Статья:");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Карточка статьи" })).ToHaveAttributeAsync("href", "staff/articles/sanatorium-rehab");
        var history = page.Locator("table.history tbody tr");
        await Expect(history.Locator("td:first-child")).ToHaveTextAsync(["3 — отвечает бот", "2", "1"]);
        await Expect(history.Nth(0)).ToContainTextAsync("kb-attach");
        await Expect(history.Nth(0)).ToContainTextAsync("формулировки: +1");
        await Expect(history.Nth(2)).ToContainTextAsync("исходная версия");
        await Expect(page.Locator("p.publication")).ToHaveTextAsync("Опубликована: бот отвечает версией 3.");

        // «Сохранить черновик»: the published version keeps answering; the draft waits, and is there when the page opens again.
        var questions = page.GetByLabel("Формулировки вопроса (по одной в строке)");
        await questions.FillAsync(await questions.InputValueAsync() + "\n" + drafted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить черновик" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Черновик сохранён. Бот по-прежнему отвечает опубликованной версией 3");
        Assert.NotEqual("sanatorium-rehab", await AnsweredWithAsync(app, drafted));
        await page.ReloadAsync();
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Статья:");
        await Expect(questions).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(drafted));
        await Expect(page.Locator("p.publication")).ToContainTextAsync("Бот отвечает опубликованной версией 3. В форме — неопубликованный черновик");
        await Expect(history.Nth(0)).ToContainTextAsync("черновик (не опубликован)");
        await Expect(history.Nth(0)).ToContainTextAsync("формулировки: +1");
        await history.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Сравнить" }).ClickAsync();
        await Expect(page.Locator("ul.diff")).ToContainTextAsync($"Формулировки: есть сейчас, не было в версии «{drafted}»");
        AxeChecks.AssertNoSeriousViolations("the editor with a pending draft", await page.RunAxe());

        // «Опубликовать»: the next number, and the bot answers with it at once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Опубликовано: версия 4");
        await Expect(history.Locator("td:first-child")).ToHaveTextAsync(["4 — отвечает бот", "3", "2", "1"]);
        Assert.Equal("sanatorium-rehab", await AnsweredWithAsync(app, drafted));

        // «Снять с публикации»: a version too; the comparison names the status in words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Снять с публикации" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Снята с публикации: версия 5");
        await history.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Сравнить" }).ClickAsync();
        await Expect(page.Locator("ul.diff")).ToContainTextAsync("Статус: есть сейчас, не было в версии «черновик»");
        await Expect(page.Locator("ul.diff")).ToContainTextAsync("Статус: было в версии, сейчас нет «опубликована»");
        Assert.NotEqual("sanatorium-rehab", await AnsweredWithAsync(app, drafted));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_save_over_a_version_someone_changed_meanwhile_is_refused_and_the_stored_version_can_be_opened()
    {
        var page = await SignInAsync("kb-editor-6");
        await page.GotoAsync("/staff/kb/articles/oms-digital-policy");
        await Expect(page.Locator("h1[data-ready=yes]")).ToContainTextAsync("Статья:");
        var title = page.GetByLabel("Заголовок");
        await title.FillAsync("Электронный полис ОМС: как получить выписку");

        // Meanwhile another moderator adds a phrasing through the API: the article is a version further on.
        const string added = "где скачать выписку о полисе омс";
        using var other = new HttpClient { BaseAddress = _app.Address };
        other.DefaultRequestHeaders.Authorization = new("Bearer", await _app.AddStaffAsync("kb-editor-7", "moderator"));
        (await other.PostAsJsonAsync("api/kb/articles/oms-digital-policy/questions", new { text = added })).EnsureSuccessStatusCode();

        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Пока статья была открыта у вас, её изменили");
        await Expect(alert).ToContainTextAsync("Ничего не сохранено");
        var knowledge = _app.Services.GetRequiredService<Assistant.Knowledge.Retrieval.KnowledgeService>();
        Assert.Contains(added, knowledge.FindArticle("oms-digital-policy")!.Questions);
        Assert.NotEqual("Электронный полис ОМС: как получить выписку", knowledge.FindArticle("oms-digital-policy")!.Title);
        AxeChecks.AssertNoSeriousViolations("the editor refusing a save over a changed article", await page.RunAxe());

        await alert.GetByRole(AriaRole.Button, new() { Name = "Открыть сохранённую версию" }).ClickAsync();
        await Expect(page.GetByLabel("Формулировки вопроса (по одной в строке)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(added));
        await title.FillAsync("Электронный полис ОМС: как получить выписку");
        await page.GetByRole(AriaRole.Button, new() { Name = "Опубликовать" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Опубликовано");
        Assert.Equal("Электронный полис ОМС: как получить выписку", knowledge.FindArticle("oms-digital-policy")!.Title);
        Assert.Contains(added, knowledge.FindArticle("oms-digital-policy")!.Questions);
        await page.Context.CloseAsync();
    }

    private static async Task<long> UnansweredIdAsync(HttpClient moderator, string text)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var groups = await moderator.GetFromJsonAsync<JsonElement>("api/moderation/inbox");
            foreach (var message in groups.EnumerateArray().SelectMany(g => g.GetProperty("messages").EnumerateArray()))
            {
                if (message.GetProperty("text").GetString() == text)
                {
                    return message.GetProperty("id").GetInt64();
                }
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"«{text}» never reached the inbox.");
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
            id = "pool-certificate", lifeSituation = "medical-records", title = "Справка для бассейна", status,
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
        using var invalid = await moderator.PutAsJsonAsync("api/kb/articles/pool-certificate", new { id = "x", lifeSituation = "medical-records", title = "", questions = Array.Empty<string>(), answer = "" });
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
