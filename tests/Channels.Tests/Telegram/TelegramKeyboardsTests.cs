using Assistant.Channels.Telegram;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Templates;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramKeyboardsTests
{
    private static readonly ButtonTitles Titles = BotPhrases.Load().Buttons;

    [Fact]
    public void The_rating_is_one_row_of_five()
    {
        var keyboard = TelegramKeyboards.For(ButtonTitles.Scores())!;

        var row = Assert.Single(keyboard.InlineKeyboard);
        Assert.Equal(["rate:1", "rate:2", "rate:3", "rate:4", "rate:5"], row.Select(b => b.CallbackData));
        Assert.Equal(["1", "2", "3", "4", "5"], row.Select(b => b.Text));
    }

    [Fact]
    public void Helped_not_helped_and_operator_share_a_row() =>
        Assert.Single(TelegramKeyboards.For(Titles.AfterAnswer())!.InlineKeyboard);

    [Fact]
    public void Article_titles_of_a_clarify_question_get_a_row_each()
    {
        QuickReply[] choices =
        [
            new("Замена полиса ОМС при утере или смене данных", ButtonPayloads.Article("oms-replace-policy")),
            new("Полис ОМС для новорождённого", ButtonPayloads.Article("oms-newborn-policy")),
            new("Цифровой полис ОМС и выписка о полисе", ButtonPayloads.Article("oms-digital-policy")),
        ];

        var rows = TelegramKeyboards.For(choices)!.InlineKeyboard.ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal("article:oms-newborn-policy", rows[1].Single().CallbackData);
    }

    [Fact]
    public void No_buttons_no_keyboard() => Assert.Null(TelegramKeyboards.For([]));
}
