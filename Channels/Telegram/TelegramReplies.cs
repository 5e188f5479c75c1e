using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Templates;

namespace Assistant.Channels.Telegram;

/// <summary>The channel's own replies, outside the conversation: /start when a conversation is going, /help, and the answer to an attachment.</summary>
public sealed class TelegramReplies(TelegramOutbox outbox, TelegramPhrases phrases, BotPhrases botPhrases)
{
    /// <summary>The title of the engine's operator button; /operator is sent to the engine as a press of it.</summary>
    public string OperatorTitle => botPhrases.Buttons.Operator;

    public void Start(long chatId, string updateId) => outbox.EnqueueMessage(chatId, phrases.Start, [], $"start reply to update {updateId}");

    public void Help(long chatId, string updateId) => outbox.EnqueueMessage(chatId, phrases.Help, [], $"help reply to update {updateId}");

    /// <summary>The bot cannot read photos, voice or files: it says so and offers a person at once.</summary>
    public void Attachment(long chatId, string updateId) =>
        outbox.EnqueueMessage(chatId, phrases.Attachment, [new QuickReply(botPhrases.Buttons.Operator, ButtonPayloads.Operator)],
            $"attachment reply to update {updateId}");
}
