using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.WebChat;

/// <summary>The widget's HTTP contract (docs/widget.md): activities in, server-sent events out, with replay and de-duplication.</summary>
public sealed partial class WebChatApiTests(RunningApp app) : IClassFixture<RunningApp>
{
    private const string Question = "как получить полис омс";

    private BotPhrases Phrases => app.Services.GetRequiredService<BotPhrases>();

    [Fact]
    public async Task The_first_connection_of_a_new_visitor_gets_the_greeting_with_the_personal_data_notice()
    {
        var userId = WebChatCalls.NewUserId();
        await using var stream = await SseStream.OpenAsync(app.Client, userId);

        Assert.Empty(await stream.ReadReplayAsync());
        var greeting = await stream.WaitForKindAsync("greeting");

        Assert.Equal("bot", greeting.From);
        Assert.Contains(Phrases.Greeting, greeting.Text);
        Assert.Contains(Phrases.PersonalDataNotice, greeting.Text);
        Assert.Equal(greeting.Id, greeting.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(greeting.Json.GetProperty("buttons").EnumerateArray());
    }

    [Fact]
    public async Task A_message_gets_its_echo_with_the_client_message_id_and_an_answer_with_buttons_and_a_source()
    {
        var userId = WebChatCalls.NewUserId();
        await using var stream = await SseStream.OpenAsync(app.Client, userId);
        var greeting = await stream.WaitForKindAsync("greeting");

        var clientMessageId = await WebChatCalls.SendAsync(app.Client, userId, Question);
        var echo = await stream.WaitForEchoAsync(clientMessageId);
        var answer = await stream.WaitForKindAsync("answer");

        Assert.Equal("user", echo.Kind);
        Assert.Equal(Question, echo.Text);
        Assert.True(echo.Sequence > greeting.Sequence);

        Assert.Equal("bot", answer.From);
        Assert.True(answer.Sequence > echo.Sequence, "the answer follows the question in the transcript");
        Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
        var buttons = answer.Json.GetProperty("buttons").EnumerateArray()
            .Select(b => (b.GetProperty("title").GetString(), b.GetProperty("payload").GetString())).ToList();
        Assert.Equal([("Помогло", "helped"), ("Не помогло", "not-helped"), ("Оператор", "operator")], buttons);
        // The source is cited in the text as "title — address" (the widget makes the address a link), not as markdown.
        Assert.Matches(@"Источник: .+ — https://\S+", answer.Text);
        Assert.DoesNotContain("**", answer.Text);
        Assert.DoesNotContain("](", answer.Text);
        Assert.True(DateTimeOffset.TryParse(answer.Json.GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_or_after_replays_only_what_came_after()
    {
        var userId = WebChatCalls.NewUserId();
        SseEvent greeting, echo, answer;
        await using (var first = await SseStream.OpenAsync(app.Client, userId))
        {
            greeting = await first.WaitForKindAsync("greeting");
            var clientMessageId = await WebChatCalls.SendAsync(app.Client, userId, Question);
            echo = await first.WaitForEchoAsync(clientMessageId);
            answer = await first.WaitForKindAsync("answer");
        }

        // A new page (no position): the whole transcript, and no second greeting.
        await using (var page = await SseStream.OpenAsync(app.Client, userId))
        {
            var all = await page.ReadReplayAsync();
            Assert.Equal([greeting.Sequence, echo.Sequence, answer.Sequence], all.Select(e => e.Sequence));
            Assert.Equal(["greeting", "user", "answer"], all.Select(e => e.Kind));
        }

        // The browser's own reconnect: Last-Event-ID.
        await using (var reconnect = await SseStream.OpenAsync(app.Client, userId, lastEventId: greeting.Sequence))
        {
            var replay = await reconnect.ReadReplayAsync();
            Assert.Equal([echo.Sequence, answer.Sequence], replay.Select(e => e.Sequence));
            Assert.Equal(["user", "bot"], replay.Select(e => e.From));
            Assert.Equal(Question, replay[0].Text);
            Assert.Equal(answer.Data, replay[1].Data);
            Assert.All(replay, e => Assert.Equal(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Id));
        }

        // Both given: the larger position wins.
        await using (var both = await SseStream.OpenAsync(app.Client, userId, after: greeting.Sequence, lastEventId: echo.Sequence))
        {
            Assert.Equal([answer.Sequence], (await both.ReadReplayAsync()).Select(e => e.Sequence));
        }

        // The widget's re-created stream: ?after= the last sequence seen replays nothing, then carries live messages.
        await using var live = await SseStream.OpenAsync(app.Client, userId, after: answer.Sequence);
        Assert.Empty(await live.ReadReplayAsync());
        var nextId = await WebChatCalls.SendAsync(app.Client, userId, "как прикрепиться к поликлинике");
        var nextEcho = await live.WaitForEchoAsync(nextId);
        var nextReply = await live.WaitForMessageAsync(e => e.From == "bot", "the bot's reply to the second question");
        Assert.True(nextEcho.Sequence > answer.Sequence);
        Assert.True(nextReply.Sequence > nextEcho.Sequence);
        Assert.DoesNotContain(live.Received, e => e.IsMessage && e.Sequence <= answer.Sequence);
    }

    [Fact]
    public async Task The_same_client_message_id_posted_twice_is_processed_once()
    {
        var userId = WebChatCalls.NewUserId();
        await using var stream = await SseStream.OpenAsync(app.Client, userId);
        await stream.WaitForKindAsync("greeting");

        var clientMessageId = WebChatCalls.NewClientMessageId();
        await WebChatCalls.SendAsync(app.Client, userId, Question, clientMessageId);
        await WebChatCalls.SendAsync(app.Client, userId, Question, clientMessageId);
        // A different message after the retry: once its echo is here, anything the retry caused would be here too (one stream, in order).
        var markerId = await WebChatCalls.SendAsync(app.Client, userId, "как прикрепиться к поликлинике");
        var marker = await stream.WaitForEchoAsync(markerId);

        var messages = stream.Received.Where(e => e.IsMessage).ToList();
        Assert.Single(messages, e => e.ClientMessageId == clientMessageId);
        Assert.Single(messages, e => e.Kind == "answer" && e.Sequence < marker.Sequence);

        var conversation = await WebChatCalls.ConversationOfAsync(app.Services, userId);
        var transcript = await app.Services.GetRequiredService<DialogStores>().Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
        Assert.Single(transcript, e => e.From == "citizen" && e.Text == Question);
    }

    public static TheoryData<string, string> InvalidActivities => new()
    {
        { "userId", """{"userId":"not a uuid!","clientMessageId":"c1","type":"message","text":"полис"}""" },
        { "userId", """{"clientMessageId":"c1","type":"message","text":"полис"}""" },
        { "type", """{"userId":"USER","clientMessageId":"c1","type":"poke","text":"полис"}""" },
        { "rating", """{"userId":"USER","clientMessageId":"c1","type":"rating","rating":7}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidActivities))]
    public async Task An_invalid_activity_gets_400_with_a_Russian_detail(string field, string json)
    {
        using var content = new StringContent(json.Replace("USER", WebChatCalls.NewUserId(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        using var response = await app.Client.PostAsync("api/webchat/activities", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.Matches(Cyrillic(), detail);
        Assert.Contains(field, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_stream_refuses_an_invalid_user_id()
    {
        using var response = await app.Client.GetAsync("api/webchat/stream?userId=%3Cscript%3E", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Script_text_comes_back_verbatim_as_JSON_text()
    {
        const string hostile = "<script>alert(1)</script>";
        var userId = WebChatCalls.NewUserId();
        await using var stream = await SseStream.OpenAsync(app.Client, userId);
        await stream.WaitForKindAsync("greeting");

        var clientMessageId = await WebChatCalls.SendAsync(app.Client, userId, hostile);
        var echo = await stream.WaitForEchoAsync(clientMessageId);
        var reply = await stream.WaitForMessageAsync(e => e.From == "bot", "the bot's reply");

        Assert.Equal(hostile, echo.Text);
        Assert.Equal(JsonValueKind.String, echo.Json.GetProperty("text").ValueKind);
        Assert.DoesNotContain("<script", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"\p{IsCyrillic}{3,}")]
    private static partial Regex Cyrillic();
}
