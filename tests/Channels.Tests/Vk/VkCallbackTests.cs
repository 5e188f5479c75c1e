using System.Net;
using Assistant.Channels.Tests.Vk.Support;

namespace Assistant.Channels.Tests.Vk;

/// <summary>POST /channels/vk/callback on the real app: confirmation, the secret, redeliveries, what the engine cannot read.</summary>
public sealed class VkCallbackTests(VkApp app) : IClassFixture<VkApp>
{
    private const long Group = VkApp.GroupId;

    [Fact]
    public async Task Confirmation_is_answered_with_the_configured_string()
    {
        using var response = await app.PostCallbackAsync(VkEvents.Confirmation(Group));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(VkApp.Confirmation, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_communitys_events_are_refused()
    {
        using var confirmation = await app.PostCallbackAsync(VkEvents.Confirmation(Group + 1));
        using var message = await app.PostCallbackAsync(VkEvents.MessageNew(Group + 1, 9101, 1, "вопрос", "other-group-1", VkApp.Secret));

        Assert.Equal(HttpStatusCode.Forbidden, confirmation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, message.StatusCode);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_gets_403_and_nothing_is_processed()
    {
        const long peer = 9102;
        using var wrong = await app.PostCallbackAsync(VkEvents.MessageNew(Group, peer, 1, "подделка с чужим секретом", "forged-1", "not-the-secret"));
        using var missing = await app.PostCallbackAsync(VkEvents.MessageNew(Group, peer, 2, "подделка без секрета", "forged-2"));
        using var press = await app.PostCallbackAsync(VkEvents.ButtonPress(Group, peer, "forged-press", "operator", "forged-3", "not-the-secret"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, press.StatusCode);

        // The person's own next message is processed; the forged ones never reached the conversation.
        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 3, "как получить полис омс", "genuine-3", VkApp.Secret));
        await app.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer to the genuine message");

        Assert.Equal(["как получить полис омс"], await app.CitizenLinesAsync(peer));
        Assert.DoesNotContain(app.Vk.EventAnswers, a => a.EventId == "forged-press");
    }

    [Fact]
    public async Task The_same_event_delivered_again_is_processed_once()
    {
        const long peer = 9103;
        var question = VkEvents.MessageNew(Group, peer, 1, "как получить полис омс", "dup-event-1", VkApp.Secret);
        await app.PostOkAsync(question);
        await app.PostOkAsync(question, retryCounter: 1);
        var answer = await app.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer");

        // Redelivered after it was processed, and the same message under another event id (e.g. from a second callback server).
        await app.PostOkAsync(question, retryCounter: 2);
        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 1, "как получить полис омс", "dup-event-1-again", VkApp.Secret));

        // A later press in the same dialog is processed after them, so once it is answered they have been dealt with.
        await app.PostOkAsync(VkEvents.ButtonPress(Group, peer, "dup-sentinel", "helped", "dup-event-2", VkApp.Secret));
        await app.Vk.WaitForEventAnswerAsync("dup-sentinel");

        Assert.Equal(["как получить полис омс", "Помогло"], await app.CitizenLinesAsync(peer));
        Assert.Single(app.Vk.MessagesTo(peer), m => m.Text == answer.Text);
    }

    [Fact]
    public async Task A_photo_without_text_gets_a_polite_reply_with_the_operator_button()
    {
        const long peer = 9104;
        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 1, "", "photo-1", VkApp.Secret, withPhoto: true));

        var reply = await app.Vk.WaitForMessageAsync(peer, m => m.Text.Contains("только текстовые", StringComparison.Ordinal), "the text-only notice");

        Assert.Equal([("callback", "Оператор", (string?)"operator")], reply.Buttons);
    }

    [Fact]
    public async Task A_button_that_no_longer_applies_is_answered_with_a_snackbar_and_changes_nothing()
    {
        const long peer = 9105;
        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 1, "как получить полис омс", "stale-1", VkApp.Secret));
        await app.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer");
        var before = app.Vk.MessagesTo(peer).Count;

        // A rating button while nobody asked for a rating (e.g. pressed under an old conversation's prompt).
        await app.PostOkAsync(VkEvents.ButtonPress(Group, peer, "stale-press", "rate:5", "stale-2", VkApp.Secret));
        var answer = await app.Vk.WaitForEventAnswerAsync("stale-press");

        Assert.Equal("show_snackbar", answer.EventData?["type"]?.GetValue<string>());
        Assert.Equal("Эта кнопка уже не действует. Выберите вариант под последним сообщением.", answer.EventData?["text"]?.GetValue<string>());
        Assert.Equal(before, app.Vk.MessagesTo(peer).Count);
    }

    [Fact]
    public async Task The_start_button_greets_and_a_text_button_press_counts_as_the_button()
    {
        const long peer = 9106;
        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 1, "Начать", "start-1", VkApp.Secret, payload: """{"command":"start"}""", callbackButtons: false));
        await app.Vk.WaitForMessageAsync(peer, m => m.Text.StartsWith("Здравствуйте!", StringComparison.Ordinal), "the greeting");

        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 2, "как получить полис омс", "start-2", VkApp.Secret, callbackButtons: false));
        var answer = await app.Vk.WaitForMessageAsync(peer, m => m.Buttons.Count > 0, "the answer");
        Assert.All(answer.Buttons, b => Assert.Equal("text", b.Type));

        await app.PostOkAsync(VkEvents.MessageNew(Group, peer, 3, "Помогло", "start-3", VkApp.Secret, payload: """{"button":"helped"}""", callbackButtons: false));
        await app.Vk.WaitForMessageAsync(peer, m => m.Text.StartsWith("Рады, что ответ помог", StringComparison.Ordinal), "the reply to «Помогло»");
    }

    [Fact]
    public async Task Malformed_bodies_get_400()
    {
        using var response = await app.Client.PostAsync("channels/vk/callback", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
