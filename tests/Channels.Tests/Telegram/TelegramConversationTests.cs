using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Operators;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>The whole conversation in Telegram: answer, "Не помогло", operator, reply, close, the 1–5 keyboard, the stored rating.</summary>
[Collection(TelegramWebhookCollection.Name)]
public sealed class TelegramConversationTests(TelegramWebhookApp app)
{
    [Fact]
    public async Task Question_answer_not_helped_operator_reply_close_and_a_rating_of_4_stored_for_telegram()
    {
        const long chat = 5301;
        const string question = "как получить полис омс";
        const string operatorId = "op-telegram";
        const string reply = "Здравствуйте! Полис оформляет страховая медицинская организация: возьмите паспорт и СНИЛС.";
        var telegram = app.Telegram;
        var desk = app.Services.GetRequiredService<OperatorDesk>();

        // The question is answered with the did-it-help keyboard.
        using (await app.PostUpdateAsync(TelegramUpdates.Text(chat, question)))
        {
        }

        var answer = await telegram.WaitForMessageAsync(chat, m => m.Buttons.Any(b => b.Data == "not-helped"), "the answer");
        Assert.Equal(["Помогло", "Не помогло", "Оператор"], answer.Buttons.Select(b => b.Text));

        // "Не помогло": the press is answered, the keyboard taken off, the question handed over.
        var notHelped = TelegramUpdates.Press(answer, "not-helped");
        using (await app.PostUpdateAsync(notHelped))
        {
        }

        await telegram.WaitForMessageAsync(chat, m => m.Text!.StartsWith("Жаль, что ответ не помог", StringComparison.Ordinal), "the handoff notice");
        var callbackId = notHelped["callback_query"]!["id"]!.GetValue<string>();
        Assert.Contains(telegram.Calls, c => c.Method == "answerCallbackQuery" && c.Body["callback_query_id"]?.GetValue<string>() == callbackId);
        var removal = Assert.Single(telegram.Calls, c => c.Method == "editMessageReplyMarkup" && c.ChatId == chat && c.Body["message_id"]?.GetValue<int>() == answer.MessageId);
        Assert.Null(removal.Body["reply_markup"]?["inline_keyboard"]?.AsArray().FirstOrDefault());

        var conversation = (await app.ConversationAsync(chat))!;
        Assert.Equal(ConversationState.WaitingForOperator, conversation.State);
        var entry = Assert.Single(await desk.ListQueueAsync("oms", CancellationToken.None), e => e.ConversationId == conversation.Id);
        Assert.Equal("telegram", entry.Channel);

        // The operator accepts and replies: both reach the chat.
        Assert.True((await desk.AcceptAsync(conversation.Id, operatorId, CancellationToken.None)).Succeeded);
        await telegram.WaitForMessageAsync(chat, m => m.Text == "Специалист подключился к диалогу.", "the operator-joined notice");
        Assert.True((await desk.ReplyAsync(conversation.Id, operatorId, reply, CancellationToken.None)).Succeeded);
        var fromOperator = await telegram.WaitForMessageAsync(chat, m => m.Text == reply, "the operator's reply");
        Assert.Equal([("Вопрос решён", "resolved")], fromOperator.Buttons);

        // The operator closes: the rating keyboard arrives; "4" is pressed and stored.
        Assert.True((await desk.CloseAsync(conversation.Id, operatorId, CancellationToken.None)).Succeeded);
        var prompt = await telegram.WaitForMessageAsync(chat, m => m.Text!.Contains("от 1 до 5", StringComparison.Ordinal), "the rating prompt");
        Assert.Equal([[("1", "rate:1"), ("2", "rate:2"), ("3", "rate:3"), ("4", "rate:4"), ("5", "rate:5")]], prompt.Keyboard);

        using (await app.PostUpdateAsync(TelegramUpdates.Press(prompt, "rate:4")))
        {
        }

        await telegram.WaitForMessageAsync(chat, m => m.Text!.StartsWith("Спасибо за оценку", StringComparison.Ordinal), "the thanks for the rating");
        var rating = await app.Stores.Ratings.GetAsync(conversation.Id, CancellationToken.None);
        Assert.NotNull(rating);
        Assert.Equal(4, rating.Score);
        Assert.Equal("telegram", rating.Channel);
        Assert.Equal(operatorId, rating.OperatorId);
        Assert.Contains(telegram.Calls, c => c.Method == "editMessageReplyMarkup" && c.Body["message_id"]?.GetValue<int>() == prompt.MessageId);
        Assert.Equal([question, "Не помогло", "4"], await app.CitizenTextsAsync(chat));

        // Neither the token nor the webhook secret is in any log line, at any level.
        var tokenSecretPart = FakeTelegramServer.Token[(FakeTelegramServer.Token.IndexOf(':') + 1)..];
        Assert.DoesNotContain(app.Logs.Lines, l => l.ToString().Contains(tokenSecretPart, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.ToString().Contains(TelegramApp.Secret, StringComparison.Ordinal));
    }
}
