using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Reads what an update asks of the bot. In a private chat everything is for the bot; in a group only commands, mentions of
/// the bot and replies to its messages are, so the bot never joins a conversation between people. An edited message is read
/// like a new one: the person corrected the question and expects an answer to the corrected text.
/// </summary>
public static class TelegramUpdateReader
{
    private static readonly HashSet<MessageType> Attachments =
    [
        MessageType.Photo, MessageType.Audio, MessageType.Video, MessageType.Voice, MessageType.Document, MessageType.Sticker,
        MessageType.Location, MessageType.Contact, MessageType.Venue, MessageType.VideoNote, MessageType.Animation,
        MessageType.Poll, MessageType.Dice, MessageType.Story, MessageType.PaidMedia, MessageType.LivePhoto, MessageType.Checklist,
    ];

    /// <param name="bot">The bot itself (getMe); while unknown, a group gets answers to its plain commands only.</param>
    public static TelegramIncoming Read(Update update, User? bot)
    {
        if (update.CallbackQuery is { } press)
        {
            var chatId = press.Message?.Chat.Id ?? press.From.Id;
            return new TelegramButtonPress(chatId, press.Id, press.Message?.MessageId, press.Data ?? string.Empty,
                press.Data is null ? null : TelegramKeyboards.TitleOf(press.Message?.ReplyMarkup, press.Data));
        }

        var message = update.Message ?? update.EditedMessage;
        if (message is null)
        {
            return new TelegramIgnored(0, update.Type.ToString());
        }

        var chat = message.Chat;
        if (chat.Type is not (ChatType.Private or ChatType.Group or ChatType.Supergroup))
        {
            return new TelegramIgnored(chat.Id, "chat type " + chat.Type);
        }

        if (message.From is { IsBot: true })
        {
            return new TelegramIgnored(chat.Id, "from a bot");
        }

        var isGroup = chat.Type != ChatType.Private;
        if (message.Text is { } text)
        {
            return ReadText(chat.Id, text, message.Entities ?? [], isGroup, message, bot);
        }

        if (Attachments.Contains(message.Type))
        {
            return !isGroup || IsAddressed(message.Caption ?? string.Empty, message.CaptionEntities ?? [], message, bot)
                ? new TelegramAttachment(chat.Id, message.Type.ToString())
                : new TelegramIgnored(chat.Id, "group attachment not addressed to the bot");
        }

        return new TelegramIgnored(chat.Id, message.Type.ToString());
    }

    private static TelegramIncoming ReadText(long chatId, string text, MessageEntity[] entities, bool isGroup, Message message, User? bot)
    {
        if (entities.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0) is { } commandEntity)
        {
            var (name, target) = SplitCommand(text.Substring(1, commandEntity.Length - 1));
            var forThisBot = target is null || (bot is not null && string.Equals(target, bot.Username, StringComparison.OrdinalIgnoreCase));
            if (forThisBot || !isGroup)
            {
                return new TelegramCommandCall(chatId, name.ToLowerInvariant() switch
                {
                    "start" => TelegramCommand.Start,
                    "help" => TelegramCommand.Help,
                    "operator" => TelegramCommand.Operator,
                    _ => TelegramCommand.Unknown,
                });
            }

            return new TelegramIgnored(chatId, "command for another bot");
        }

        if (isGroup && !IsAddressed(text, entities, message, bot))
        {
            return new TelegramIgnored(chatId, "group message not addressed to the bot");
        }

        var question = WithoutMentions(text, entities, bot).Trim();
        return question.Length == 0 && isGroup
            ? new TelegramCommandCall(chatId, TelegramCommand.Help)
            : new TelegramText(chatId, question);
    }

    /// <summary>A mention of the bot (@username or a text mention of its account), or a reply to one of its messages.</summary>
    private static bool IsAddressed(string text, MessageEntity[] entities, Message message, User? bot) =>
        bot is not null
        && (entities.Any(e => IsMentionOf(e, text, bot)) || message.ReplyToMessage?.From?.Id == bot.Id);

    private static bool IsMentionOf(MessageEntity entity, string text, User bot) => entity.Type switch
    {
        MessageEntityType.Mention => entity.Offset + entity.Length <= text.Length
            && string.Equals(text.Substring(entity.Offset, entity.Length), "@" + bot.Username, StringComparison.OrdinalIgnoreCase),
        MessageEntityType.TextMention => entity.User?.Id == bot.Id,
        _ => false,
    };

    private static string WithoutMentions(string text, MessageEntity[] entities, User? bot)
    {
        if (bot is null)
        {
            return text;
        }

        // From the end, so the earlier offsets stay valid.
        foreach (var mention in entities.Where(e => IsMentionOf(e, text, bot)).OrderByDescending(e => e.Offset))
        {
            text = text.Remove(mention.Offset, mention.Length);
        }

        return text;
    }

    private static (string Name, string? Target) SplitCommand(string command)
    {
        var at = command.IndexOf('@');
        return at < 0 ? (command, null) : (command[..at], command[(at + 1)..]);
    }
}
