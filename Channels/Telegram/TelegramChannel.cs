using System.Globalization;
using Assistant.Dialogs.Activities;

namespace Assistant.Channels.Telegram;

/// <summary>The channel's name and addresses. A conversation belongs to a chat: the chat id is the user id (a group is one conversation).</summary>
public static class TelegramChannel
{
    public const string Name = "telegram";

    public const string WebhookPath = "/channels/telegram/webhook";

    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static ConversationKey KeyOf(long chatId) => new(Name, chatId.ToString(CultureInfo.InvariantCulture));

    public static bool TryParseChatId(string userId, out long chatId) =>
        long.TryParse(userId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId);

    /// <summary>Groups, supergroups and channels have negative ids; people have positive ones.</summary>
    public static bool IsGroup(long chatId) => chatId < 0;
}
