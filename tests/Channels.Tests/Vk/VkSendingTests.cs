using Assistant.Channels.Tests.Vk.Support;
using Assistant.Channels.Vk;
using Assistant.Channels.Vk.Api;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Templates;

namespace Assistant.Channels.Tests.Vk;

/// <summary>The sender and the API client against the fake VK API: back-off, idempotent retries, refusals, long messages.</summary>
public sealed class VkSendingTests : IAsyncLifetime
{
    private static readonly ButtonTitles Titles = BotPhrases.Load().Buttons;
    private FakeVkApi _vk = null!;

    public async Task InitializeAsync() => _vk = await FakeVkApi.StartAsync();

    public async Task DisposeAsync() => await _vk.DisposeAsync();

    [Fact]
    public async Task Errors_6_and_9_and_a_5xx_are_backed_off_and_the_message_goes_out_once_with_the_same_random_id()
    {
        using var parts = new VkParts(_vk);
        _vk.FailNext("messages.send", 6, 9, 503);

        await parts.Sender.SendAsync(To(7001), Message("Полис ОМС оформляется бесплатно.", Titles.AfterAnswer()), CancellationToken.None);

        var attempts = _vk.Calls.Where(c => c.Method == "messages.send").ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts.Select(c => c.Form["random_id"]).Distinct());
        var sent = Assert.Single(_vk.MessagesTo(7001));
        Assert.Equal("Полис ОМС оформляется бесплатно.", sent.Text);
        Assert.Equal(attempts[0].Form["random_id"], sent.RandomId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Помогло", "Не помогло", "Оператор"], sent.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task A_repeated_send_of_the_same_message_is_posted_once()
    {
        using var parts = new VkParts(_vk);
        var message = Message("Ответ специалиста.", []);

        await parts.Sender.SendAsync(To(7002), message, CancellationToken.None);
        await parts.Sender.SendAsync(To(7002), message, CancellationToken.None);

        Assert.Equal(2, _vk.Calls.Count(c => c.Method == "messages.send" && c.Form["peer_id"] == "7002"));
        Assert.Single(_vk.MessagesTo(7002));
    }

    [Fact]
    public async Task A_person_who_cannot_get_messages_is_tried_once_and_the_refusal_does_not_fail_the_turn()
    {
        using var parts = new VkParts(_vk);
        _vk.FailNext("messages.send", 901);

        await parts.Sender.SendAsync(To(7003), Message("Ответ.", []), CancellationToken.None);

        Assert.Single(_vk.Calls, c => c.Method == "messages.send" && c.Form["peer_id"] == "7003");
        Assert.Empty(_vk.MessagesTo(7003));
    }

    [Fact]
    public async Task Transient_errors_that_persist_fail_the_call_after_the_allowed_retries()
    {
        using var parts = new VkParts(_vk, maxRetryAttempts: 2);
        _vk.FailNext("messages.send", 6, 6, 6);

        var error = await Assert.ThrowsAsync<VkTooManyRequestsException>(() =>
            parts.Sender.SendAsync(To(7004), Message("Ответ.", []), CancellationToken.None));

        Assert.Equal(6, error.Code);
        Assert.Equal(3, _vk.Calls.Count(c => c.Method == "messages.send" && c.Form["peer_id"] == "7004"));
        Assert.Empty(_vk.MessagesTo(7004));
    }

    [Fact]
    public async Task A_10000_character_answer_goes_out_as_two_messages_cut_at_a_paragraph_with_the_keyboard_under_the_last()
    {
        using var parts = new VkParts(_vk);
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Абзац {i}: " + string.Concat(Enumerable.Repeat("порядок ", 30)).TrimEnd()).ToList();
        var text = string.Join("\n\n", paragraphs);
        Assert.InRange(text.Length, 10_000, 11_000);

        await parts.Sender.SendAsync(To(7005), Message(text, Titles.AfterAnswer()), CancellationToken.None);

        var sent = _vk.MessagesTo(7005);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.True(m.Text.Length <= 9000, $"{m.Text.Length} characters"));
        Assert.Equal(text, string.Join("\n\n", sent.Select(m => m.Text)));
        Assert.EndsWith("порядок", sent[0].Text);
        Assert.StartsWith("Абзац ", sent[1].Text);
        Assert.Null(sent[0].Keyboard);
        Assert.Equal(3, sent[1].Buttons.Count);
        Assert.NotEqual(sent[0].RandomId, sent[1].RandomId);
    }

    [Fact]
    public async Task Markdown_from_the_knowledge_base_arrives_as_plain_text()
    {
        using var parts = new VkParts(_vk);

        await parts.Sender.SendAsync(To(7006), Message("Полис оформляется **бесплатно**.\n\nИсточник: [ФОМС](https://www.ffoms.gov.ru/)", []), CancellationToken.None);

        Assert.Equal("Полис оформляется бесплатно.\n\nИсточник: ФОМС: https://www.ffoms.gov.ru/", Assert.Single(_vk.MessagesTo(7006)).Text);
    }

    [Fact]
    public async Task A_person_whose_app_has_no_callback_buttons_gets_text_buttons()
    {
        using var parts = new VkParts(_vk);
        parts.Clients.Remember(7007, VkButtonSupport.Text);

        await parts.Sender.SendAsync(To(7007), Message("Оцените, пожалуйста, помощь от 1 до 5.", ButtonTitles.Scores()), CancellationToken.None);

        var sent = Assert.Single(_vk.MessagesTo(7007));
        Assert.All(sent.Buttons, b => Assert.Equal("text", b.Type));
        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5"], sent.Buttons.Select(b => b.Payload));
    }

    private static ConversationKey To(long peerId) => new(VkChannel.Name, peerId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static OutgoingMessage Message(string text, IReadOnlyList<QuickReply> buttons) =>
        new("conv-" + Guid.NewGuid().ToString("N"), 3, Authors.Bot, MessageKind.Answer, text, buttons, null, DateTimeOffset.UtcNow);
}
