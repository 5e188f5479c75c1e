using System.Text;
using Assistant.Channels.Telegram;
using Assistant.Channels.Tests.Telegram.Support;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores;

namespace Assistant.Channels.Tests.Telegram;

public sealed class CallbackDataTests
{
    [Theory]
    [InlineData("not-helped")]
    [InlineData("rate:4")]
    [InlineData("article:oms-get-policy")]
    public void Short_payloads_travel_as_they_are(string payload) => Assert.Equal(payload, CallbackData.Encode(payload));

    [Theory]
    [InlineData("article:порядок-получения-полиса-обязательного-медицинского-страхования")]
    [InlineData("article:a-very-long-article-identifier-that-goes-well-beyond-sixty-four-bytes")]
    [InlineData("#looks-hashed")]
    public void Long_payloads_become_a_short_hash_that_matches_only_them(string payload)
    {
        var data = CallbackData.Encode(payload);

        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, CallbackData.MaxBytes);
        Assert.True(CallbackData.IsHashed(data));
        Assert.True(CallbackData.Matches(data, payload));
        Assert.False(CallbackData.Matches(data, payload + "x"));
    }

    [Fact]
    public async Task A_hashed_payload_is_found_again_among_the_buttons_of_the_chats_conversation()
    {
        var directory = Directory.CreateTempSubdirectory("assistant-callbacks-");
        try
        {
            var stores = DialogStores.Sqlite(Path.Combine(directory.FullName, "dialogs.db"));
            const long chat = 7001;
            var conversation = await stores.Conversations.GetOrCreateAsync(TelegramChannel.KeyOf(chat),
                () => Assistant.Dialogs.Lifecycle.Conversation.Start(TelegramChannel.KeyOf(chat), DateTimeOffset.UtcNow, null), CancellationToken.None);
            var longPayload = ButtonPayloads.Article("порядок-получения-полиса-обязательного-медицинского-страхования");
            await stores.Transcripts.AppendAsync(new TranscriptEntry
            {
                ConversationId = conversation.Id,
                From = Authors.Bot,
                Kind = MessageKind.Clarify,
                Text = "Уточните, пожалуйста, что вас интересует:",
                Buttons = [new QuickReply("Полис ОМС", longPayload), new QuickReply("Смена СМО", ButtonPayloads.Article("oms-change-insurer"))],
            }, CancellationToken.None);
            var payloads = new CallbackPayloads(stores);

            Assert.Equal(longPayload, await payloads.ResolveAsync(chat, CallbackData.Encode(longPayload), CancellationToken.None));
            Assert.Null(await payloads.ResolveAsync(chat, CallbackData.Encode(longPayload + "-other"), CancellationToken.None));
            Assert.Null(await payloads.ResolveAsync(chat + 1, CallbackData.Encode(longPayload), CancellationToken.None));
            Assert.Equal("rate:5", await payloads.ResolveAsync(chat, "rate:5", CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
