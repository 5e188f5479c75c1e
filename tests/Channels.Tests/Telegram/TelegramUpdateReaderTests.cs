using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Channels.Telegram;
using Assistant.Channels.Tests.Telegram.Support;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramUpdateReaderTests
{
    private const long Group = -1007001;
    private const long Person = 7001;

    private static readonly User Bot = new() { Id = FakeTelegramServer.BotId, IsBot = true, FirstName = "Помощник", Username = FakeTelegramServer.BotUsername };

    [Fact]
    public void In_a_private_chat_a_text_is_for_the_conversation() =>
        Assert.Equal(new TelegramText(Person, "как получить полис"), Read(TelegramUpdates.Text(Person, "как получить полис")));

    [Fact]
    public void In_a_group_a_plain_message_is_ignored() =>
        Assert.IsType<TelegramIgnored>(Read(TelegramUpdates.Text(Group, "как получить полис", fromId: Person)));

    [Fact]
    public void In_a_group_a_mention_is_taken_out_of_the_question() =>
        Assert.Equal(new TelegramText(Group, "как получить полис"), Read(TelegramUpdates.Mention(Group, "как получить полис", Person)));

    [Fact]
    public void In_a_group_a_reply_to_the_bot_is_for_the_bot() =>
        Assert.Equal(new TelegramText(Group, "а для ребёнка?"),
            Read(TelegramUpdates.Text(Group, "а для ребёнка?", replyTo: TelegramUpdates.BotMessage(Group, 42), fromId: Person)));

    [Theory]
    [InlineData("/start", TelegramCommand.Start)]
    [InlineData("/help", TelegramCommand.Help)]
    [InlineData("/operator", TelegramCommand.Operator)]
    [InlineData("/OPERATOR@" + FakeTelegramServer.BotUsername, TelegramCommand.Operator)]
    [InlineData("/weather", TelegramCommand.Unknown)]
    public void Commands_are_read_in_a_group_too(string text, TelegramCommand command) =>
        Assert.Equal(new TelegramCommandCall(Group, command), Read(TelegramUpdates.Command(Group, text, fromId: Person)));

    [Fact]
    public void A_command_for_another_bot_is_ignored_in_a_group_but_not_in_a_private_chat()
    {
        Assert.IsType<TelegramIgnored>(Read(TelegramUpdates.Command(Group, "/help@other_bot", fromId: Person)));
        Assert.Equal(new TelegramCommandCall(Person, TelegramCommand.Help), Read(TelegramUpdates.Command(Person, "/help@other_bot")));
    }

    [Fact]
    public void While_the_bot_is_unknown_a_group_gets_answers_to_plain_commands_only()
    {
        Assert.Equal(new TelegramCommandCall(Group, TelegramCommand.Help), Read(TelegramUpdates.Command(Group, "/help", fromId: Person), bot: null));
        Assert.IsType<TelegramIgnored>(Read(TelegramUpdates.Mention(Group, "как получить полис", Person), bot: null));
    }

    [Fact]
    public void A_photo_is_an_attachment_in_a_private_chat() =>
        Assert.Equal(new TelegramAttachment(Person, "Photo"), Read(TelegramUpdates.Photo(Person)));

    [Fact]
    public void An_edited_message_is_read_as_a_new_one() =>
        Assert.Equal(new TelegramText(Person, "как получить полис омс"), Read(TelegramUpdates.Edited(Person, 10, "как получить полис омс")));

    [Fact]
    public void A_button_press_carries_its_data_and_the_title_from_the_keyboard()
    {
        var sent = new BotApiCall(1, "sendMessage", JsonNode.Parse("""
            {"chat_id":7001,"text":"Ответ","reply_markup":{"inline_keyboard":[[{"text":"Помогло","callback_data":"helped"},{"text":"Не помогло","callback_data":"not-helped"}]]}}
            """)!.AsObject(), 200, 77);
        var update = TelegramUpdates.Press(sent, "not-helped");

        var press = Assert.IsType<TelegramButtonPress>(Read(update));

        Assert.Equal(Person, press.ChatId);
        Assert.Equal(77, press.MessageId);
        Assert.Equal("not-helped", press.Data);
        Assert.Equal("Не помогло", press.Title);
        Assert.Equal(update["callback_query"]!["id"]!.GetValue<string>(), press.CallbackQueryId);
    }

    [Fact]
    public void Messages_of_other_bots_and_service_messages_are_ignored()
    {
        var fromBot = TelegramUpdates.Text(Group, "@" + FakeTelegramServer.BotUsername + " привет", [TelegramUpdates.Entity("mention", 0, 18)]);
        fromBot["message"]!["from"]!["is_bot"] = true;
        var joined = TelegramUpdates.Text(Group, "x", fromId: Person);
        joined["message"]!.AsObject().Remove("text");
        joined["message"]!["new_chat_members"] = new JsonArray(new JsonObject { ["id"] = 1, ["is_bot"] = false, ["first_name"] = "Олег" });

        Assert.IsType<TelegramIgnored>(Read(fromBot));
        Assert.IsType<TelegramIgnored>(Read(joined));
    }

    private static TelegramIncoming Read(JsonObject update, User? bot) =>
        TelegramUpdateReader.Read(JsonSerializer.Deserialize<Update>(update.ToJsonString(), JsonBotAPI.Options)!, bot);

    private static TelegramIncoming Read(JsonObject update) => Read(update, Bot);
}
