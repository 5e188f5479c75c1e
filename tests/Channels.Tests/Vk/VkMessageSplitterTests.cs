using Assistant.Channels.Vk.Sending;

namespace Assistant.Channels.Tests.Vk;

public sealed class VkMessageSplitterTests
{
    [Fact]
    public void A_text_within_the_limit_is_one_message() =>
        Assert.Equal(["Короткий ответ."], VkMessageSplitter.Split("  Короткий ответ.\n", 9000));

    [Fact]
    public void A_long_text_is_cut_at_paragraph_breaks_and_nothing_is_lost()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Абзац {i}. " + new string('ж', 240)).ToList();
        var text = string.Join("\n\n", paragraphs);

        var parts = VkMessageSplitter.Split(text, 9000);

        Assert.True(text.Length > 10_000);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.True(p.Length <= 9000, $"{p.Length} characters"));
        Assert.All(parts, p => Assert.StartsWith("Абзац ", p));
        Assert.Equal(text, string.Join("\n\n", parts));
    }

    [Fact]
    public void Without_paragraphs_a_text_is_cut_after_a_sentence_then_at_a_space()
    {
        var sentences = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"Предложение номер {i} о порядке записи к врачу."));
        var words = string.Join(" ", Enumerable.Repeat("слово", 100));

        var bySentence = VkMessageSplitter.Split(sentences, 200);
        var byWord = VkMessageSplitter.Split(words, 50);

        Assert.All(bySentence, p => Assert.EndsWith(".", p));
        Assert.Equal(sentences, string.Join(" ", bySentence));
        Assert.All(byWord, p => Assert.True(p.Length <= 50));
        Assert.Equal(words, string.Join(" ", byWord));
    }

    [Fact]
    public void A_hard_cut_never_splits_a_surrogate_pair()
    {
        var text = "ж" + string.Concat(Enumerable.Repeat("😀", 20));

        var parts = VkMessageSplitter.Split(text, 10);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1]), "a part ends inside an emoji"));
        Assert.Equal(text, string.Concat(parts));
    }
}
