using Assistant.Channels.Tests.Vk.Support;
using Assistant.Channels.Vk;
using Assistant.Dialogs.Operators;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Channels.Tests.Vk;

/// <summary>The whole conversation in VK, as the "done when": question → answer → "Не помогло" → operator → reply → close → rating.</summary>
public sealed class VkConversationTests(VkApp app) : IClassFixture<VkApp>
{
    private const long Group = VkApp.GroupId;
    private const long Peer = 9201;

    [Fact]
    public async Task Question_answer_not_helped_operator_reply_close_and_a_stored_rating()
    {
        // The question: a greeting, then the answer as plain text with the three choices as callback buttons.
        await app.PostOkAsync(VkEvents.MessageNew(Group, Peer, 1, "как получить полис омс", "conv-1", VkApp.Secret));
        var answer = await app.Vk.WaitForMessageAsync(Peer, m => m.Buttons.Count > 0, "the answer with its keyboard");
        Assert.StartsWith("Здравствуйте!", app.Vk.MessagesTo(Peer)[0].Text);
        Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("**", answer.Text);
        Assert.DoesNotContain("](", answer.Text);
        Assert.True(answer.IsInline);
        Assert.Equal([("callback", "Помогло", "helped"), ("callback", "Не помогло", "not-helped"), ("callback", "Оператор", (string?)"operator")], answer.Buttons);

        // "Не помогло": the press is answered (no snackbar) and the question goes to the operators.
        await app.PostOkAsync(VkEvents.ButtonPress(Group, Peer, "press-not-helped", "not-helped", "conv-2", VkApp.Secret));
        var pressed = await app.Vk.WaitForEventAnswerAsync("press-not-helped");
        Assert.Null(pressed.EventData);
        Assert.Equal(Peer, pressed.PeerId);
        await app.Vk.WaitForMessageAsync(Peer, m => m.Text.Contains("Передаю вопрос специалисту", StringComparison.Ordinal), "the handoff notice");

        // An operator takes it from the queue and replies; the reply reaches the person in VK.
        var desk = app.Services.GetRequiredService<OperatorDesk>();
        var conversation = await app.ConversationOfAsync(Peer);
        var queued = Assert.Single(await desk.ListQueueAsync("oms", CancellationToken.None), e => e.ConversationId == conversation.Id);
        Assert.Equal(VkChannel.Name, queued.Channel);
        Assert.True((await desk.AcceptAsync(conversation.Id, "op-vk", CancellationToken.None)).Succeeded);
        await app.Vk.WaitForMessageAsync(Peer, m => m.Text == "Специалист подключился к диалогу.", "the operator-joined notice");
        const string reply = "Здравствуйте! Полис оформит любая страховая медицинская организация, возьмите паспорт и СНИЛС.";
        Assert.True((await desk.ReplyAsync(conversation.Id, "op-vk", reply, CancellationToken.None)).Succeeded);
        var fromOperator = await app.Vk.WaitForMessageAsync(Peer, m => m.Text == reply, "the operator's reply");
        Assert.Equal([("callback", "Вопрос решён", (string?)"resolved")], fromOperator.Buttons);

        // The operator closes: the rating prompt with native 1–5 buttons.
        Assert.True((await desk.CloseAsync(conversation.Id, "op-vk", CancellationToken.None)).Succeeded);
        var prompt = await app.Vk.WaitForMessageAsync(Peer, m => m.Text.Contains("от 1 до 5", StringComparison.Ordinal), "the rating prompt");
        var row = Assert.Single(prompt.Rows);
        Assert.Equal(["1", "2", "3", "4", "5"], row.Select(b => b.Label));
        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5"], row.Select(b => b.Payload));

        // "4": answered, thanked, stored with the channel.
        await app.PostOkAsync(VkEvents.ButtonPress(Group, Peer, "press-rate-4", "rate:4", "conv-3", VkApp.Secret));
        Assert.Null((await app.Vk.WaitForEventAnswerAsync("press-rate-4")).EventData);
        await app.Vk.WaitForMessageAsync(Peer, m => m.Text.StartsWith("Спасибо за оценку", StringComparison.Ordinal), "the thanks for the rating");
        var rating = await app.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None);
        Assert.NotNull(rating);
        Assert.Equal(4, rating.Score);
        Assert.Equal(VkChannel.Name, rating.Channel);
        Assert.Equal("op-vk", rating.OperatorId);
    }
}
