using System.Net;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>Updates arriving at POST /channels/telegram/webhook, answered through the real Telegram.Bot client and a local Bot API.</summary>
[Collection(TelegramWebhookCollection.Name)]
public sealed class TelegramWebhookTests(TelegramWebhookApp app)
{
    private const string Question = "как получить полис омс";

    [Fact]
    public async Task A_question_through_the_webhook_is_answered_with_the_did_it_help_keyboard()
    {
        const long chat = 5101;

        using var response = await app.PostUpdateAsync(TelegramUpdates.Text(chat, Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer with its keyboard");
        Assert.Equal("HTML", answer.ParseMode, ignoreCase: true);
        Assert.Contains("полис", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<a href=\"", answer.Text);
        Assert.Equal([[("Помогло", "helped"), ("Не помогло", "not-helped"), ("Оператор", "operator")]], answer.Keyboard);
        Assert.True(answer.Body["link_preview_options"]?["is_disabled"]?.GetValue<bool>());
        var greeting = app.Telegram.SentTo(chat)[0];
        Assert.StartsWith("Здравствуйте! Я виртуальный помощник Минздрава России.", greeting.Text);
        Assert.Equal([Question], await app.CitizenTextsAsync(chat));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, 5111)]
    [InlineData("", HttpStatusCode.Unauthorized, 5112)]
    [InlineData("wrong-secret", HttpStatusCode.Forbidden, 5113)]
    [InlineData(TelegramApp.Secret + "x", HttpStatusCode.Forbidden, 5114)]
    public async Task A_missing_or_wrong_secret_is_refused_and_the_update_is_not_processed(string? secret, HttpStatusCode expected, long chat)
    {
        using (var refused = await app.PostUpdateAsync(TelegramUpdates.Text(chat, "как сменить поликлинику"), secret))
        {
            Assert.Equal(expected, refused.StatusCode);
        }

        // The chat's updates are processed in order: once the next (accepted) one is answered, the refused one would have been too.
        using (var accepted = await app.PostUpdateAsync(TelegramUpdates.Text(chat, Question)))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer to the accepted update");
        Assert.Equal([Question], await app.CitizenTextsAsync(chat));
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_processed_once()
    {
        const long chat = 5121;
        var update = TelegramUpdates.Text(chat, Question);

        using (var first = await app.PostUpdateAsync(update))
        using (var second = await app.PostUpdateAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using (await app.PostUpdateAsync(TelegramUpdates.Text(chat, "помогло")))
        {
        }

        await app.Telegram.WaitForMessageAsync(chat, m => m.Text!.StartsWith("Рады, что ответ помог", StringComparison.Ordinal), "the reply to «помогло»");
        Assert.Equal([Question, "помогло"], await app.CitizenTextsAsync(chat));
        Assert.Single(app.Telegram.SentTo(chat), m => m.Buttons.Any(b => b.Data == "not-helped"));
    }

    [Fact]
    public async Task A_photo_gets_a_polite_reply_that_offers_a_person_once()
    {
        const long chat = 5131;
        var photo = TelegramUpdates.Photo(chat);

        using (await app.PostUpdateAsync(photo))
        using (await app.PostUpdateAsync(photo))
        using (await app.PostUpdateAsync(TelegramUpdates.Command(chat, "/help")))
        {
        }

        var help = await app.Telegram.WaitForMessageAsync(chat, m => m.Text!.Contains("/operator", StringComparison.Ordinal), "the help");
        var reply = Assert.Single(app.Telegram.SentTo(chat), m => m.Text!.Contains("не могу посмотреть фото", StringComparison.Ordinal));
        Assert.Contains("специалисту", reply.Text);
        Assert.Equal([("Оператор", "operator")], reply.Buttons);
        Assert.True(reply.Number < help.Number);
        Assert.Empty(await app.CitizenTextsAsync(chat));
    }

    [Fact]
    public async Task In_a_group_only_commands_mentions_and_replies_to_the_bot_are_answered()
    {
        const long group = -1005141;
        const long anna = 5141;

        using (await app.PostUpdateAsync(TelegramUpdates.Text(group, "коллеги, как получить полис омс?", fromId: anna)))
        using (await app.PostUpdateAsync(TelegramUpdates.Command(group, "/help@some_other_bot", fromId: anna)))
        using (await app.PostUpdateAsync(TelegramUpdates.Mention(group, Question, fromId: anna)))
        using (await app.PostUpdateAsync(TelegramUpdates.Command(group, "/help@" + FakeTelegramServer.BotUsername, fromId: anna)))
        {
        }

        await app.Telegram.WaitForMessageAsync(group, m => m.Text!.Contains("/operator", StringComparison.Ordinal), "the help in the group");
        Assert.Equal([Question], await app.CitizenTextsAsync(group));
        var sent = app.Telegram.SentTo(group);
        Assert.Single(sent, m => m.Buttons.Any(b => b.Data == "not-helped"));
        Assert.Single(sent, m => m.Text!.Contains("/operator", StringComparison.Ordinal));

        // A reply to the bot's message is addressed to it as well.
        var answer = sent.Single(m => m.Buttons.Any(b => b.Data == "not-helped"));
        using (await app.PostUpdateAsync(TelegramUpdates.Text(group, "помогло", replyTo: TelegramUpdates.BotMessage(group, answer.MessageId!.Value), fromId: anna)))
        {
        }

        await app.Telegram.WaitForMessageAsync(group, m => m.Text!.StartsWith("Рады, что ответ помог", StringComparison.Ordinal), "the reply to the reply");
        Assert.Equal([Question, "помогло"], await app.CitizenTextsAsync(group));
    }

    [Fact]
    public async Task Start_greets_a_new_chat_and_answers_again_later_and_operator_hands_over()
    {
        const long chat = 5151;

        using (await app.PostUpdateAsync(TelegramUpdates.Command(chat, "/start")))
        using (await app.PostUpdateAsync(TelegramUpdates.Command(chat, "/start")))
        using (await app.PostUpdateAsync(TelegramUpdates.Command(chat, "/operator")))
        {
        }

        var handoff = await app.Telegram.WaitForMessageAsync(chat, m => m.Text!.Contains("Передаю ваш вопрос специалисту", StringComparison.Ordinal), "the handoff");
        var sent = app.Telegram.SentTo(chat);
        Assert.StartsWith("Здравствуйте! Я виртуальный помощник", sent[0].Text);
        Assert.Equal("Здравствуйте! Я на связи — задайте вопрос своими словами.", sent[1].Text);
        Assert.Equal([("Вопрос решён", "resolved")], handoff.Buttons);
        Assert.Equal(ConversationState.WaitingForOperator, (await app.ConversationAsync(chat))!.State);
    }

    [Fact]
    public async Task An_edited_message_is_answered_as_a_new_message()
    {
        const long chat = 5161;
        var original = TelegramUpdates.Text(chat, "как получить полис");
        var messageId = original["message"]!["message_id"]!.GetValue<int>();

        using (await app.PostUpdateAsync(original))
        using (await app.PostUpdateAsync(TelegramUpdates.Edited(chat, messageId, Question)))
        using (await app.PostUpdateAsync(TelegramUpdates.Command(chat, "/help")))
        {
        }

        await app.Telegram.WaitForMessageAsync(chat, m => m.Text!.Contains("/operator", StringComparison.Ordinal), "the help");
        Assert.Equal(["как получить полис", Question], await app.CitizenTextsAsync(chat));
    }

    [Fact]
    public async Task The_command_menu_is_set_at_start()
    {
        var setCommands = await app.Telegram.WaitForAsync(c => c.Method == "setMyCommands" && c.Succeeded, "setMyCommands");

        var commands = setCommands.Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()).ToList();
        Assert.Equal(["start", "help", "operator"], commands);
        Assert.All(setCommands.Body["commands"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace(c!["description"]!.GetValue<string>())));
        Assert.Contains(app.Telegram.Calls, c => c.Method == "getMe");
    }
}
