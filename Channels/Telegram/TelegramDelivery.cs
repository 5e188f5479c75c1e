using Assistant.Channels.Incoming;
using Telegram.Bot.Types.ReplyMarkups;

namespace Assistant.Channels.Telegram;

/// <summary>One Bot API call the outbox makes for a chat, in the chat's order. <see cref="Reference"/> names it in logs (never its text).</summary>
internal abstract record TelegramDelivery(long ChatId, string Reference)
{
    public abstract string Method { get; }

    /// <summary>A new message in the chat, paced by the per-chat and per-group limits; edits are not.</summary>
    public abstract bool IsMessage { get; }
}

/// <summary>A message (or one part of a long one) in Telegram HTML, with its keyboard on the last part.</summary>
/// <param name="PlainText">The same part as plain text, sent instead if Telegram refuses the HTML.</param>
internal sealed record TelegramTextDelivery(long ChatId, string Reference, string Html, string PlainText, InlineKeyboardMarkup? Keyboard)
    : TelegramDelivery(ChatId, Reference)
{
    public bool AsPlainText { get; init; }

    /// <summary>The kept row of the message this part belongs to, told how each part went.</summary>
    public KeptReply? Kept { get; init; }

    /// <summary>The message's last part: its end ends the message.</summary>
    public bool IsLast { get; init; } = true;

    public override string Method => "sendMessage";

    public override bool IsMessage => true;
}

/// <summary>Takes the inline keyboard off a message once one of its buttons was pressed.</summary>
internal sealed record TelegramKeyboardRemoval(long ChatId, string Reference, int MessageId) : TelegramDelivery(ChatId, Reference)
{
    public override string Method => "editMessageReplyMarkup";

    public override bool IsMessage => false;
}
