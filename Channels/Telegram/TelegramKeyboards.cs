using Assistant.Dialogs.Activities;
using Telegram.Bot.Types.ReplyMarkups;

namespace Assistant.Channels.Telegram;

/// <summary>The engine's quick replies as an inline keyboard: short titles share a row (the 1–5 rating, "Помогло / Не помогло / Оператор"), long ones (article titles) get their own.</summary>
internal static class TelegramKeyboards
{
    /// <summary>About what fits one row on a phone without Telegram cutting the titles.</summary>
    private const int RowCharacters = 30;

    private const int RowButtons = 5;

    public static InlineKeyboardMarkup? For(IReadOnlyList<QuickReply> buttons)
    {
        if (buttons.Count == 0)
        {
            return null;
        }

        var rows = new List<List<InlineKeyboardButton>>();
        var row = new List<InlineKeyboardButton>();
        var width = 0;
        foreach (var button in buttons)
        {
            if (row.Count > 0 && (row.Count == RowButtons || width + button.Title.Length > RowCharacters))
            {
                rows.Add(row);
                row = [];
                width = 0;
            }

            row.Add(InlineKeyboardButton.WithCallbackData(button.Title, CallbackData.Encode(button.Payload)));
            width += button.Title.Length;
        }

        rows.Add(row);
        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The title of the pressed button, read from the keyboard of the message it was under.</summary>
    public static string? TitleOf(InlineKeyboardMarkup? keyboard, string data) =>
        keyboard?.InlineKeyboard.SelectMany(row => row).FirstOrDefault(b => b.CallbackData == data)?.Text;
}
