using Assistant.Channels.Vk;
using Assistant.Channels.Vk.Sending;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Templates;

namespace Assistant.Channels.Tests.Vk;

public sealed class VkKeyboardBuilderTests
{
    private static readonly ButtonTitles Titles = BotPhrases.Load().Buttons;

    [Fact]
    public void The_rating_is_one_row_of_five_callback_buttons()
    {
        var keyboard = VkKeyboardBuilder.Build(ButtonTitles.Scores(), VkButtonSupport.Callback)!;

        Assert.True(keyboard.Inline);
        var row = Assert.Single(keyboard.Buttons);
        Assert.Equal(["1", "2", "3", "4", "5"], row.Select(b => b.Action.Label));
        Assert.All(row, b => Assert.Equal("callback", b.Action.Type));
        Assert.Equal("""{"button":"rate:4"}""", row[3].Action.Payload);
    }

    [Fact]
    public void Under_an_answer_the_three_choices_share_a_row()
    {
        var keyboard = VkKeyboardBuilder.Build(Titles.AfterAnswer(), VkButtonSupport.Callback)!;

        Assert.Equal([["Помогло", "Не помогло", "Оператор"]], keyboard.Buttons.Select(r => r.Select(b => b.Action.Label).ToList()));
    }

    [Fact]
    public void Long_clarify_choices_get_a_row_each_and_labels_fit_forty_characters()
    {
        QuickReply[] choices =
        [
            new("Как получить полис ОМС", ButtonPayloads.Article("oms-get-policy")),
            new("Как заменить полис ОМС при смене фамилии, паспорта или места жительства", ButtonPayloads.Article("oms-replace")),
        ];

        var keyboard = VkKeyboardBuilder.Build(choices, VkButtonSupport.Callback)!;

        Assert.Equal(2, keyboard.Buttons.Count);
        Assert.All(keyboard.Buttons.SelectMany(r => r), b => Assert.True(b.Action.Label.Length <= 40, b.Action.Label));
        Assert.EndsWith("…", keyboard.Buttons[1][0].Action.Label);
    }

    [Fact]
    public void Apps_without_callback_buttons_get_text_buttons_and_without_inline_keyboards_a_one_time_keyboard()
    {
        var text = VkKeyboardBuilder.Build(Titles.AfterAnswer(), VkButtonSupport.Text)!;
        var below = VkKeyboardBuilder.Build(Titles.AfterAnswer(), VkButtonSupport.NoInline)!;

        Assert.True(text.Inline);
        Assert.All(text.Buttons.SelectMany(r => r), b => Assert.Equal("text", b.Action.Type));
        Assert.False(below.Inline);
        Assert.True(below.OneTime);
    }

    [Fact]
    public void No_quick_replies_no_keyboard() => Assert.Null(VkKeyboardBuilder.Build([], VkButtonSupport.Callback));
}
