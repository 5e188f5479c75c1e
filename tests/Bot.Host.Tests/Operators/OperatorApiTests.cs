using System.Net;
using System.Text.Json;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Operators;

public sealed class OperatorApiTests(OperatorApp app) : IClassFixture<OperatorApp>
{
    private const string Question = "как получить полис омс";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer ast_not-a-real-token")]
    [InlineData("ast_not-a-real-token")]
    public async Task A_missing_or_wrong_bearer_gets_401(string? authorization)
    {
        foreach (var (method, path) in new[] { ("GET", "api/operator/queue?group=oms"), ("POST", "api/operator/conversations/x/accept") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (method == "POST")
            {
                request.Content = new StringContent("""{"operatorId":"op"}""", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_right_bearer_opens_the_queue()
    {
        var queue = await (await app.OperatorAsync("op-queue")).QueueAsync("oms");

        Assert.Equal(JsonValueKind.Array, queue.ValueKind);
    }

    [Fact]
    public async Task Citizen_to_queue_to_operator_to_transfer_to_close_and_the_rating_prompt()
    {
        var userId = WebChatCalls.NewUserId();
        await using var citizen = await SseStream.OpenAsync(app.Client, userId);
        await citizen.WaitForKindAsync("greeting");

        // The citizen asks, gets the article, says it did not help: the question goes to the article's handoffGroup.
        await WebChatCalls.SendAsync(app.Client, userId, Question);
        var answer = await citizen.WaitForKindAsync("answer");
        await WebChatCalls.PressAsync(app.Client, userId, "Не помогло", "not-helped");
        var handoff = await citizen.WaitForKindAsync("handoffNotice");
        Assert.Contains("специалист", handoff.Text, StringComparison.OrdinalIgnoreCase);
        await WebChatCalls.SendAsync(app.Client, userId, "мой СНИЛС 123-456-789 01, телефон 89123456789");

        var conversationId = (await WebChatCalls.ConversationOfAsync(app.Services, userId)).Id;
        var first = await app.OperatorAsync("op-oms");
        var entry = FindEntry(await first.QueueAsync("oms"), conversationId);
        Assert.Equal("web", entry.GetProperty("channel").GetString());
        Assert.Equal("oms", entry.GetProperty("group").GetString());
        Assert.Equal("oms-policy", entry.GetProperty("lifeSituation").GetString());
        Assert.Equal(1, entry.GetProperty("transfers").GetInt32());
        var shown = Assert.Single(entry.GetProperty("shownArticles").EnumerateArray());
        Assert.Equal("oms-get-policy", shown.GetProperty("id").GetString());
        Assert.Equal("Как получить полис ОМС", shown.GetProperty("title").GetString());
        var transcript = entry.GetProperty("transcript").EnumerateArray().ToList();
        var texts = string.Join("\n", transcript.Select(e => e.GetProperty("text").GetString()));
        Assert.Contains(transcript, e => e.GetProperty("from").GetString() == "citizen" && e.GetProperty("text").GetString() == Question);
        // The operator sees the answer as stored (KB markdown); the citizen's widget got it as plain text.
        Assert.Contains(transcript, e => e.GetProperty("kind").GetString() == "answer"
            && Assistant.Bot.Host.WebChat.WebChatText.FromMarkdown(e.GetProperty("text").GetString()!) == answer.Text);
        Assert.Contains("мой СНИЛС [СНИЛС], телефон [телефон]", texts);
        Assert.DoesNotContain("123-456", texts);
        Assert.DoesNotContain("9123456789", texts);
        Assert.DoesNotContain(FindEntries(await first.QueueAsync("general")), e => e.GetProperty("conversationId").GetString() == conversationId);

        // Accept and reply: the reply reaches the citizen's stream as from the operator.
        var accepted = await first.OkAsync(first.AcceptAsync(conversationId));
        Assert.Equal("WithOperator", accepted.GetProperty("state").GetString());
        Assert.DoesNotContain(FindEntries(await first.QueueAsync("oms")), e => e.GetProperty("conversationId").GetString() == conversationId);
        var joined = await citizen.WaitForMessageAsync(e => e.From == "system" && e.Kind == "notice", "the operator-joined notice");
        Assert.Equal("Специалист подключился к диалогу.", joined.Text);

        const string reply = "Здравствуйте! Полис оформляет страховая медицинская организация, нужен паспорт и СНИЛС.";
        await first.OkAsync(first.ReplyAsync(conversationId, reply));
        var fromOperator = await citizen.WaitForKindAsync("operatorMessage");
        Assert.Equal("operator", fromOperator.From);
        Assert.Equal(reply, fromOperator.Text);

        // A group nobody works in is refused (the citizen would wait in a queue no console shows); the conversation stays.
        using (var nowhere = await first.TransferAsync(conversationId, "registratura"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
            var problem = JsonDocument.Parse(await nowhere.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("UnknownGroup", problem.GetProperty("title").GetString());
            Assert.Contains("Группы «registratura» нет среди групп специалистов", problem.GetProperty("detail").GetString());
        }

        // Transfer to another group (its name in any case): the second transfer (bot → operator was the first).
        var transferred = await first.OkAsync(first.TransferAsync(conversationId, " General"));
        Assert.Equal(2, transferred.GetProperty("transfers").GetInt32());
        Assert.Equal("general", transferred.GetProperty("group").GetString());
        Assert.Equal("WaitingForOperator", transferred.GetProperty("state").GetString());
        var transferNotice = await citizen.WaitForMessageAsync(e => e.Kind == "handoffNotice" && e.Sequence > handoff.Sequence, "the transfer notice");
        Assert.Equal("system", transferNotice.From);
        var moved = FindEntry(await first.QueueAsync("general"), conversationId);
        Assert.Equal(2, moved.GetProperty("transfers").GetInt32());
        Assert.Contains(moved.GetProperty("transcript").EnumerateArray(), e => e.GetProperty("text").GetString() == reply);

        // The next operator takes it; a third transfer is refused and the conversation stays with them.
        var second = await app.OperatorAsync("op-general");
        await second.OkAsync(second.AcceptAsync(conversationId));
        using (var refused = await second.TransferAsync(conversationId, "oms"))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("TransferLimit", problem.GetProperty("title").GetString());
            Assert.Contains("лимит передач", problem.GetProperty("detail").GetString());
        }

        // A reply longer than a citizen's message may be is refused whole, not sent as a string of pieces.
        using (var tooLong = await second.ReplyAsync(conversationId, new string('а', 4001)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
            var problem = JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("TooLong", problem.GetProperty("title").GetString());
            Assert.Contains("длиннее 4000 символов не отправлено", problem.GetProperty("detail").GetString());
        }

        using (var notYours = await first.CloseAsync(conversationId))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notYours.StatusCode);
        }

        // Close: the citizen is asked for the 1–5 rating.
        await second.OkAsync(second.CloseAsync(conversationId));
        var prompt = await citizen.WaitForKindAsync("ratingPrompt");
        Assert.Equal("system", prompt.From);
        Assert.Contains("от 1 до 5", prompt.Text);
        var buttons = prompt.Json.GetProperty("buttons").EnumerateArray()
            .Select(b => (b.GetProperty("title").GetString(), b.GetProperty("payload").GetString())).ToList();
        Assert.Equal([("1", "rate:1"), ("2", "rate:2"), ("3", "rate:3"), ("4", "rate:4"), ("5", "rate:5")], buttons);

        // The transcript endpoint has the whole masked conversation.
        var full = await second.OkAsync(second.TranscriptAsync(conversationId));
        var all = string.Join("\n", full.EnumerateArray().Select(e => e.GetProperty("text").GetString()));
        Assert.Contains(reply, all);
        Assert.Contains("[СНИЛС]", all);
        Assert.DoesNotContain("9123456789", all);
    }

    [Fact]
    public async Task Templates_suggest_the_articles_for_the_question_or_a_search_and_nothing_for_a_jumble()
    {
        var userId = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(app.Client, userId, Question);
        await WebChatCalls.PressAsync(app.Client, userId, "Оператор", "operator");
        var conversationId = (await WebChatCalls.ConversationOfAsync(app.Services, userId)).Id;
        var desk = await app.OperatorAsync("op-templates");
        await desk.OkAsync(desk.AcceptAsync(conversationId));

        static List<string> Ids(JsonElement list) => [.. list.EnumerateArray().Select(t => t.GetProperty("articleId").GetString()!)];
        var forQuestion = Ids(await desk.OkAsync(desk.TemplatesAsync(conversationId)));
        Assert.Equal("oms-get-policy", forQuestion.First());
        Assert.InRange(forQuestion.Count, 1, 5);
        Assert.Contains("sick-leave-get", Ids(await desk.OkAsync(desk.TemplatesAsync(conversationId, "больничный"))));
        Assert.Empty(Ids(await desk.OkAsync(desk.TemplatesAsync(conversationId, "фывапролд"))));
    }

    [Fact]
    public async Task Naming_the_owner_in_the_body_or_the_query_does_not_let_another_operator_act()
    {
        var userId = WebChatCalls.NewUserId();
        await using var citizen = await SseStream.OpenAsync(app.Client, userId);
        await WebChatCalls.SendAsync(app.Client, userId, Question);
        await citizen.WaitForKindAsync("answer");
        await WebChatCalls.PressAsync(app.Client, userId, "Оператор", "operator");
        await citizen.WaitForKindAsync("handoffNotice");
        var conversationId = (await WebChatCalls.ConversationOfAsync(app.Services, userId)).Id;
        var owner = await app.OperatorAsync("op-owner");
        var intruderToken = await app.AddStaffAsync("op-intruder", "operator", RunningApp.SeedGroups);
        await owner.OkAsync(owner.AcceptAsync(conversationId));

        foreach (var (action, body) in new[]
        {
            ("reply", """{"operatorId":"op-owner","text":"чужой ответ"}"""),
            ("reply?operatorId=op-owner", """{"text":"чужой ответ"}"""),
            ("transfer", """{"operatorId":"op-owner","toGroup":"general"}"""),
            ("close", """{"operatorId":"op-owner"}"""),
            ("accept", """{"operatorId":"op-owner"}"""),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/operator/conversations/{conversationId}/{action}")
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", intruderToken);
            using var response = await app.Client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict, $"{action}: {(int)response.StatusCode}");
        }

        var transcript = await owner.OkAsync(owner.TranscriptAsync(conversationId));
        Assert.DoesNotContain(transcript.EnumerateArray(), e => e.GetProperty("text").GetString() == "чужой ответ");
        var state = await WebChatCalls.ConversationOfAsync(app.Services, userId);
        Assert.Equal("op-owner", state.OperatorId);
        Assert.Equal(Assistant.Dialogs.Lifecycle.ConversationState.WithOperator, state.State);
    }

    [Fact]
    public async Task Actions_on_an_unknown_conversation_are_404()
    {
        var op = await app.OperatorAsync("op-x");
        using var accept = await op.AcceptAsync("no-such-conversation");
        using var transcript = await op.TranscriptAsync("no-such-conversation");

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, transcript.StatusCode);
    }

    private static IEnumerable<JsonElement> FindEntries(JsonElement queue) => queue.EnumerateArray();

    private static JsonElement FindEntry(JsonElement queue, string conversationId)
    {
        var entries = queue.EnumerateArray().Where(e => e.GetProperty("conversationId").GetString() == conversationId).ToList();
        Assert.True(entries.Count == 1, $"Conversation {conversationId} should be in the queue once: {queue}");
        return entries[0];
    }
}
