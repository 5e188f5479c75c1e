using System.Text.Json.Nodes;

namespace Assistant.Channels.Tests.Telegram.Support;

/// <summary>Updates as Telegram sends them (the JSON of the Bot API's Update object), each with a new update_id.</summary>
public static class TelegramUpdates
{
    private static int _lastUpdateId = 70_000;

    public static int NextId() => Interlocked.Increment(ref _lastUpdateId);

    /// <summary>A text message in a private chat (the chat id is the person's id) or, with a negative id, in a supergroup.</summary>
    public static JsonObject Text(long chatId, string text, JsonArray? entities = null, JsonObject? replyTo = null, long? fromId = null) =>
        Update("message", MessageJson(chatId, fromId, m =>
        {
            m["text"] = text;
            if (entities is not null)
            {
                m["entities"] = entities;
            }

            if (replyTo is not null)
            {
                m["reply_to_message"] = replyTo;
            }
        }));

    /// <summary>A command such as "/help" or "/help@bot", with its bot_command entity.</summary>
    public static JsonObject Command(long chatId, string command, long? fromId = null) =>
        Text(chatId, command, [Entity("bot_command", 0, command.Split(' ')[0].Length)], fromId: fromId);

    /// <summary>"@bot text" in a group, with its mention entity.</summary>
    public static JsonObject Mention(long chatId, string text, long fromId)
    {
        var mention = "@" + FakeTelegramServer.BotUsername;
        return Text(chatId, mention + " " + text, [Entity("mention", 0, mention.Length)], fromId: fromId);
    }

    public static JsonObject Edited(long chatId, int messageId, string text) =>
        Update("edited_message", MessageJson(chatId, null, m =>
        {
            m["message_id"] = messageId;
            m["text"] = text;
            m["edit_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        }));

    public static JsonObject Photo(long chatId) =>
        Update("message", MessageJson(chatId, null, m => m["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = "AgACAgIAAxkBAAIB", ["file_unique_id"] = "AQADAgAT", ["width"] = 90, ["height"] = 90, ["file_size"] = 1024 })));

    /// <summary>A press of the button with <paramref name="data"/> under a message the bot sent (as the fake server recorded it).</summary>
    public static JsonObject Press(BotApiCall sent, string data, long? fromId = null)
    {
        var chatId = sent.ChatId!.Value;
        var message = new JsonObject
        {
            ["message_id"] = sent.MessageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId),
            ["from"] = new JsonObject { ["id"] = FakeTelegramServer.BotId, ["is_bot"] = true, ["first_name"] = "Помощник Минздрава", ["username"] = FakeTelegramServer.BotUsername },
            ["text"] = sent.Text,
        };
        if (sent.Body["reply_markup"] is JsonNode markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }

        return Update("callback_query", new JsonObject
        {
            ["id"] = "cq-" + Guid.NewGuid().ToString("N"),
            ["from"] = Person(fromId ?? chatId),
            ["message"] = message,
            ["chat_instance"] = "ci-" + chatId,
            ["data"] = data,
        });
    }

    public static JsonObject Entity(string type, int offset, int length) => new() { ["type"] = type, ["offset"] = offset, ["length"] = length };

    /// <summary>A message of the bot itself, to reply to.</summary>
    public static JsonObject BotMessage(long chatId, int messageId) => new()
    {
        ["message_id"] = messageId,
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["chat"] = Chat(chatId),
        ["from"] = new JsonObject { ["id"] = FakeTelegramServer.BotId, ["is_bot"] = true, ["first_name"] = "Помощник Минздрава", ["username"] = FakeTelegramServer.BotUsername },
        ["text"] = "…",
    };

    private static JsonObject Update(string kind, JsonObject content) => new() { ["update_id"] = NextId(), [kind] = content };

    private static JsonObject MessageJson(long chatId, long? fromId, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1, 1_000_000),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId),
            ["from"] = Person(fromId ?? chatId),
        };
        fill(message);
        return message;
    }

    private static JsonObject Chat(long chatId) => chatId < 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Родители 5 «Б»" }
        : new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Анна" };

    private static JsonObject Person(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Анна", ["language_code"] = "ru" };
}
