using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Learning;
using Assistant.Dialogs.Stores;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// The KB editor's drafts, publication, history and rollback over HTTP, as a moderator's script would use them: a published
/// article keeps answering while its draft waits; a rollback undoes an inbox attach, and the attached questions are back in the inbox.
/// </summary>
public sealed class KbEditorApiTests(RunningApp app) : IClassFixture<RunningApp>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    [Fact]
    public async Task A_published_article_keeps_answering_while_its_draft_waits_and_the_draft_answers_once_published()
    {
        using var moderator = await ClientAsync("kb-api-1");
        var live = Knowledge.FindArticle("sick-leave-payment")!;
        const string newAnswer = "Пособие по больничному выплачивает Социальный фонд России напрямую на вашу карту «Мир» в течение 10 рабочих дней.";

        using var saved = await moderator.PutAsJsonAsync("api/kb/articles/sick-leave-payment/draft", live with { Answer = newAnswer }, Web);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(live.Answer, Knowledge.FindArticle("sick-leave-payment")!.Answer);
        var draft = await moderator.GetFromJsonAsync<JsonElement>("api/kb/articles/sick-leave-payment/draft");
        Assert.Equal(live.Version, draft.GetProperty("baseVersion").GetInt32());
        Assert.Equal("kb-api-1", draft.GetProperty("author").GetString());
        Assert.Equal(newAnswer, draft.GetProperty("article").GetProperty("answer").GetString());

        using var published = await moderator.PostAsync("api/kb/articles/sick-leave-payment/publish", null);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var now = Knowledge.FindArticle("sick-leave-payment")!;
        Assert.Equal((newAnswer, ArticleStatus.Published, live.Version + 1), (now.Answer, now.Status, now.Version));
        using var noDraft = await moderator.GetAsync("api/kb/articles/sick-leave-payment/draft");
        Assert.Equal(HttpStatusCode.NotFound, noDraft.StatusCode);
        using var again = await moderator.PostAsync("api/kb/articles/sick-leave-payment/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var versions = await moderator.GetFromJsonAsync<JsonElement>("api/kb/articles/sick-leave-payment/versions");
        var newest = versions[0];
        Assert.Equal(now.Version, newest.GetProperty("version").GetInt32());
        Assert.Equal("ответ", newest.GetProperty("change").GetString());
        Assert.Equal("published", newest.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_discarded_draft_changes_nothing_and_an_unpublished_article_is_published_again_from_its_draft()
    {
        using var moderator = await ClientAsync("kb-api-2");
        var live = Knowledge.FindArticle("sick-leave-view")!;
        (await moderator.PutAsJsonAsync("api/kb/articles/sick-leave-view/draft", live with { Title = "Черновик заголовка" }, Web)).EnsureSuccessStatusCode();

        using var discarded = await moderator.DeleteAsync("api/kb/articles/sick-leave-view/draft");
        using var discardedAgain = await moderator.DeleteAsync("api/kb/articles/sick-leave-view/draft");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (discarded.StatusCode, discardedAgain.StatusCode));
        Assert.Same(live, Knowledge.FindArticle("sick-leave-view"));

        using var unpublished = await moderator.PostAsync("api/kb/articles/sick-leave-view/unpublish", null);
        Assert.Equal(HttpStatusCode.OK, unpublished.StatusCode);
        Assert.Equal(ArticleStatus.Draft, Knowledge.FindArticle("sick-leave-view")!.Status);
        using var unpublishedAgain = await moderator.PostAsync("api/kb/articles/sick-leave-view/unpublish", null);
        Assert.Equal(HttpStatusCode.Conflict, unpublishedAgain.StatusCode);

        using var republished = await moderator.PostAsync("api/kb/articles/sick-leave-view/publish", null);
        Assert.Equal(HttpStatusCode.OK, republished.StatusCode);
        Assert.Equal(ArticleStatus.Published, Knowledge.FindArticle("sick-leave-view")!.Status);

        using var unknown = await moderator.PostAsync("api/kb/articles/no-such-article/publish", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noVersion = await moderator.PostAsJsonAsync("api/kb/articles/sick-leave-view/rollback", new { version = 999 });
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
    }

    [Fact]
    public async Task Rolling_an_article_back_past_an_inbox_attach_puts_the_attached_questions_back_into_the_inbox()
    {
        using var moderator = await ClientAsync("kb-api-3");
        var before = Knowledge.FindArticle("clinic-check-attachment")!;
        var store = app.Services.GetRequiredService<DialogStores>().Unanswered;
        var ids = new List<long>();
        foreach (var text in new[] { "как понять к какой поликлинике я приписан", "как понять к какой поликлинике я приписан!", before.Questions[0] })
        {
            await store.AddAsync(new UnansweredMessage { ConversationId = Guid.NewGuid().ToString("N"), Channel = "web", Text = text, Kind = UnansweredKind.Fallback, At = DateTimeOffset.UtcNow }, CancellationToken.None);
            ids.Add((await store.ListAsync(UnansweredStatus.Open, 1, CancellationToken.None))[0].Id);
        }

        (await moderator.PostAsJsonAsync("api/moderation/inbox/attach", new { messageIds = ids, articleId = "clinic-check-attachment" })).EnsureSuccessStatusCode();
        Assert.Contains("как понять к какой поликлинике я приписан", Knowledge.FindArticle("clinic-check-attachment")!.Questions);
        var attachedVersion = Knowledge.FindArticle("clinic-check-attachment")!.Version;

        using var rolledBack = await moderator.PostAsJsonAsync("api/kb/articles/clinic-check-attachment/rollback", new { version = before.Version });

        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        var result = await rolledBack.Content.ReadFromJsonAsync<JsonElement>();
        // The two wordings of the new phrasing go back; the one the article had before the attach stays attached.
        Assert.Equal(2, result.GetProperty("reopened").GetInt32());
        var now = Knowledge.FindArticle("clinic-check-attachment")!;
        Assert.Equal(before.Questions, now.Questions);
        Assert.Equal(attachedVersion + 1, now.Version);
        Assert.Equal(ids[..2], (await store.ListOpenAsync(ids, CancellationToken.None)).Select(m => m.Id).Order());
        var inbox = await moderator.GetFromJsonAsync<JsonElement>("api/moderation/inbox");
        var listed = inbox.EnumerateArray().SelectMany(g => g.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(ids[0], listed);
        Assert.Contains(ids[1], listed);
        Assert.DoesNotContain(ids[2], listed);

        var audit = await app.Services.GetRequiredService<Assistant.Bot.Host.Staff.Audit.AuditLog>().ReadAsync(actor: "kb-api-3", conversationId: null, limit: 10, cancellationToken: CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "kb-article-rollback" && e.Details == $"clinic-check-attachment to v{before.Version}, 2 questions back to the inbox");
    }

    [Fact]
    public async Task Phrasings_attached_or_added_while_a_draft_waits_go_into_the_draft_too_so_publishing_it_keeps_them()
    {
        using var moderator = await ClientAsync("kb-api-4");
        var live = Knowledge.FindArticle("clinic-change-doctor")!;
        const string newTitle = "Как сменить участкового врача или терапевта";
        (await moderator.PutAsJsonAsync("api/kb/articles/clinic-change-doctor/draft", live with { Title = newTitle }, Web)).EnsureSuccessStatusCode();
        var store = app.Services.GetRequiredService<DialogStores>().Unanswered;
        await store.AddAsync(new UnansweredMessage { ConversationId = "kb-api-4", Channel = "web", Text = "не нравится участковая хочу другую", Kind = UnansweredKind.Fallback, At = DateTimeOffset.UtcNow }, CancellationToken.None);
        var id = (await store.ListAsync(UnansweredStatus.Open, 1, CancellationToken.None))[0].Id;

        (await moderator.PostAsJsonAsync("api/moderation/inbox/attach", new { messageIds = new[] { id }, articleId = "clinic-change-doctor" })).EnsureSuccessStatusCode();
        (await moderator.PostAsJsonAsync("api/kb/articles/clinic-change-doctor/questions", new { text = "врач грубит можно поменять" })).EnsureSuccessStatusCode();

        var attached = Knowledge.FindArticle("clinic-change-doctor")!;
        Assert.Equal(live.Title, attached.Title);
        var draft = await moderator.GetFromJsonAsync<JsonElement>("api/kb/articles/clinic-change-doctor/draft");
        Assert.Equal(attached.Version, draft.GetProperty("baseVersion").GetInt32());
        var drafted = draft.GetProperty("article").GetProperty("questions").EnumerateArray().Select(q => q.GetString()).ToList();
        Assert.Equal(["не нравится участковая хочу другую", "врач грубит можно поменять"], drafted[^2..]);

        (await moderator.PostAsync("api/kb/articles/clinic-change-doctor/publish", null)).EnsureSuccessStatusCode();

        var published = Knowledge.FindArticle("clinic-change-doctor")!;
        Assert.Equal(newTitle, published.Title);
        Assert.Contains("не нравится участковая хочу другую", published.Questions);
        Assert.Contains("врач грубит можно поменять", published.Questions);
        var versions = await moderator.GetFromJsonAsync<JsonElement>("api/kb/articles/clinic-change-doctor/versions");
        Assert.Equal("формулировки: +1", versions[1].GetProperty("change").GetString());
        var audit = await app.Services.GetRequiredService<Assistant.Bot.Host.Staff.Audit.AuditLog>().ReadAsync(actor: "kb-api-4", conversationId: null, limit: 10, cancellationToken: CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "kb-question-added" && e.Details == $"clinic-change-doctor v{attached.Version}");
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_a_clear_error_and_changes_nothing()
    {
        using var moderator = await ClientAsync("kb-api-5");
        var csv = await moderator.GetByteArrayAsync("api/kb/export?format=csv");
        var before = (await Knowledge.ExportAsync(CancellationToken.None)).Articles.Count;

        // «По» in Windows-1251, as a spreadsheet program saves Cyrillic by default: not a valid UTF-8 sequence.
        using var form = new MultipartFormDataContent { { new ByteArrayContent([.. csv, 0xCF, 0xEE, (byte)'\n']), "file", "kb.csv" } };
        using var response = await moderator.PostAsync("api/kb/import", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.StartsWith("Файл не в кодировке UTF-8", error.GetProperty("message").GetString());
        Assert.Equal(before, (await Knowledge.ExportAsync(CancellationToken.None)).Articles.Count);
    }

    [Fact]
    public async Task Publishing_a_draft_leaves_a_newer_draft_another_moderator_saved_meanwhile()
    {
        var editor = app.Services.GetRequiredService<Assistant.Bot.Host.Staff.KbEditor.KbEditorService>();
        var live = Knowledge.FindArticle("drugs-who-eligible")!;
        Assert.True((await editor.SaveDraftAsync("kb-api-6", live with { Title = "Черновик Анны" }, null, CancellationToken.None)).Saved);
        var annas = (await editor.DraftAsync(live.Id, CancellationToken.None))!.Value;
        await Task.Delay(20);
        Assert.True((await editor.SaveDraftAsync("kb-api-7", live with { Title = "Черновик Бориса" }, null, CancellationToken.None)).Saved);

        var published = await editor.PublishAsync("kb-api-6", annas.Article, null, annas.Draft.SavedAt, CancellationToken.None, live.Version);

        Assert.True(published.Saved);
        Assert.Equal("Черновик Анны", Knowledge.FindArticle(live.Id)!.Title);
        var left = (await editor.DraftAsync(live.Id, CancellationToken.None))!.Value;
        Assert.Equal(("kb-api-7", "Черновик Бориса"), (left.Draft.Author, left.Article.Title));
    }

    [Fact]
    public async Task Unpublishing_an_article_with_a_pending_draft_keeps_the_drafts_text_as_the_draft_version()
    {
        using var moderator = await ClientAsync("kb-api-8");
        var live = Knowledge.FindArticle("drugs-pharmacy-missing") ?? Knowledge.Articles.First(a => a.Status == ArticleStatus.Published && a.Id.StartsWith("drugs-", StringComparison.Ordinal) && a.Id != "drugs-who-eligible");
        (await moderator.PutAsJsonAsync($"api/kb/articles/{live.Id}/draft", live with { Title = "Текст из черновика" }, Web)).EnsureSuccessStatusCode();

        (await moderator.PostAsync($"api/kb/articles/{live.Id}/unpublish", null)).EnsureSuccessStatusCode();

        var stored = Knowledge.FindArticle(live.Id)!;
        Assert.Equal(("Текст из черновика", ArticleStatus.Draft), (stored.Title, stored.Status));
        using var draft = await moderator.GetAsync($"api/kb/articles/{live.Id}/draft");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
    }

    private KnowledgeService Knowledge => app.Services.GetRequiredService<KnowledgeService>();

    private async Task<HttpClient> ClientAsync(string login)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.AddStaffAsync(login, "moderator"));
        return client;
    }
}
