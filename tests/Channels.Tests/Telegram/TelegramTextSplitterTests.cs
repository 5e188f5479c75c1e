using Assistant.Channels.Telegram;

namespace Assistant.Channels.Tests.Telegram;

public sealed class TelegramTextSplitterTests
{
    [Fact]
    public void A_message_within_the_limit_stays_whole() =>
        Assert.Equal(["Короткий ответ."], TelegramTextSplitter.Split("Короткий ответ.\n"));

    [Fact]
    public void A_5000_character_text_is_cut_at_the_last_paragraph_break_that_fits()
    {
        var paragraphs = new[] { Words(1500), Words(1500), Words(1996) };
        var text = string.Join("\n\n", paragraphs);

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal([paragraphs[0] + "\n\n" + paragraphs[1], paragraphs[2]], parts);
    }

    [Fact]
    public void A_paragraph_longer_than_the_limit_is_cut_at_a_sentence_end()
    {
        var sentence = "Полис ОМС оформляет страховая медицинская организация. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 100)).Trim();

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, TelegramTextSplitter.MaxLength));
        Assert.EndsWith("организация.", parts[0]);
        Assert.Equal(text, parts[0] + " " + parts[1]);
    }

    [Fact]
    public void A_link_is_never_cut()
    {
        var link = "[Приказ Минздрава России о порядке выдачи полиса](https://www.gosuslugi.ru/help/faq/oms/123456789)";
        var text = new string('а', 60) + " " + link + " конец";

        var parts = TelegramTextSplitter.Split(text, limit: 100);

        Assert.Contains(parts, p => p.Contains(link, StringComparison.Ordinal));
        Assert.All(parts, p => Assert.True(p.Length <= 100 || p == link));
    }

    [Fact]
    public void Text_without_any_break_is_cut_hard_at_the_limit_but_never_inside_a_surrogate_pair()
    {
        var text = new string('я', 99) + "😀" + new string('я', 50);

        var parts = TelegramTextSplitter.Split(text, limit: 100);

        Assert.Equal(new string('я', 99), parts[0]);
        Assert.StartsWith("😀", parts[1]);
        Assert.Equal(text, string.Concat(parts));
    }

    private static string Words(int length)
    {
        var words = string.Concat(Enumerable.Repeat("справка ", (length / 8) + 1))[..(length - 1)];
        return (words.EndsWith(' ') ? words[..^1] + "а" : words) + ".";
    }
}
