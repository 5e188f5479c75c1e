using System.Globalization;
using System.Net;
using Assistant.Channels.Tests.Telegram.Support;

namespace Assistant.Channels.Tests.Telegram;

/// <summary>Long polling (Telegram:Mode = polling): getUpdates against the local Bot API with the real client.</summary>
public sealed class TelegramPollingTests(TelegramPollingApp app) : IClassFixture<TelegramPollingApp>
{
    private const string Question = "как получить полис омс";

    [Fact]
    public async Task Updates_are_read_with_increasing_offsets_and_one_sent_again_is_processed_once()
    {
        const long chat = 6101;
        var question = TelegramUpdates.Text(chat, Question);
        var questionId = question["update_id"]!.GetValue<int>();

        app.Telegram.PushUpdates(question);
        await app.Telegram.WaitForMessageAsync(chat, m => m.Buttons.Count > 0, "the answer");
        await app.Telegram.WaitForAsync(c => c.Method == "getUpdates" && c.Offset == questionId + 1, "getUpdates confirming the question");

        // The server sends the question again, in one batch with the next message.
        var helped = TelegramUpdates.Text(chat, "помогло");
        app.Telegram.Redeliver(question);
        app.Telegram.PushUpdates(helped);
        await app.Telegram.WaitForMessageAsync(chat, m => m.Text!.StartsWith("Рады, что ответ помог", StringComparison.Ordinal), "the reply to «помогло»");
        await app.Telegram.WaitForAsync(c => c.Method == "getUpdates" && c.Offset == helped["update_id"]!.GetValue<int>() + 1, "getUpdates confirming «помогло»");

        Assert.Equal([Question, "помогло"], await app.CitizenTextsAsync(chat));
        Assert.Single(app.Telegram.SentTo(chat), m => m.Buttons.Any(b => b.Data == "not-helped"));
        Assert.Contains(app.Logs.Lines, l => l.EventId == 4111 && l.Message.Contains(questionId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var offsets = app.Telegram.Calls.Where(c => c.Method == "getUpdates").Select(c => c.Offset ?? 0).ToList();
        Assert.Equal(offsets.Order(), offsets);
        Assert.All(app.Telegram.Calls.Where(c => c.Method == "getUpdates"), c => Assert.Equal(5, c.Body["timeout"]?.GetValue<int>()));
    }

    [Fact]
    public async Task In_polling_mode_there_is_no_webhook()
    {
        using var response = await app.PostUpdateAsync(TelegramUpdates.Text(6111, Question));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
