using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Text_is_lower_cased_and_yo_becomes_ye()
    {
        Assert.Equal("полис для новорожденного ребенка", TextNormalizer.Normalize("Полис для НоворождЁнного ребёнка"));
    }

    [Fact]
    public void Control_and_invisible_format_characters_become_spaces()
    {
        var normalized = TextNormalizer.Normalize("полис\u0000омс\tи\u200bснилс\u0007");

        Assert.Equal(["полис", "омс", "и", "снилс"], normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(normalized, char.IsControl);
    }

    [Fact]
    public void Emoji_do_not_survive_as_broken_halves()
    {
        var normalized = TextNormalizer.Normalize("полис 😀");

        Assert.DoesNotContain(normalized, char.IsSurrogate);
        Assert.Equal("полис", normalized.Trim());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_text_normalizes_to_empty(string? text)
    {
        Assert.Equal(string.Empty, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Very_long_text_is_cut_to_the_analysed_length()
    {
        var text = string.Concat(Enumerable.Repeat("полис омс ", 10_000));

        var normalized = TextNormalizer.Normalize(text);

        Assert.Equal(TextNormalizer.MaxAnalyzedChars, normalized.Length);
        Assert.StartsWith("полис омс полис", normalized);
    }
}
