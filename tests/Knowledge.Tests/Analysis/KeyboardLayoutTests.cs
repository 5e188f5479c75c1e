using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class KeyboardLayoutTests
{
    [Theory]
    [InlineData("rfr gjkexbnm gjkbc", "как получить полис")]
    [InlineData("dspdfnm dhfxf yf ljv", "вызвать врача на дом")]
    [InlineData("[jhjij", "хорошо")]
    [InlineData("ltym hj;ltybz", "день рождения")]
    [InlineData("`krf", "ёлка")]
    public void Text_typed_on_the_Latin_layout_reads_as_the_Russian_meant(string typed, string meant)
    {
        Assert.Equal(meant, KeyboardLayout.ToCyrillic(typed));
    }

    [Fact]
    public void Russian_text_converts_to_the_keys_pressed()
    {
        Assert.Equal("rfr gjkexbnm gjkbc", KeyboardLayout.ToLatin("как получить полис"));
    }

    [Theory]
    [InlineData("как получить полис омс")]
    [InlineData("больничный по уходу за ребёнком")]
    [InlineData("ёжик юла и эхо")]
    public void Russian_text_survives_a_round_trip_through_the_Latin_layout(string text)
    {
        Assert.Equal(text, KeyboardLayout.ToCyrillic(KeyboardLayout.ToLatin(text)));
    }

    [Fact]
    public void Capital_letters_typed_on_the_wrong_layout_still_convert()
    {
        Assert.Equal("полис омс", KeyboardLayout.ToCyrillic("GJKBC JVC"));
    }

    [Fact]
    public void Digits_and_spaces_are_left_as_they_are()
    {
        Assert.Equal("справка 070 у", KeyboardLayout.ToCyrillic("cghfdrf 070 e"));
    }

    [Theory]
    [InlineData("gjkbc", true)]
    [InlineData("covid", true)]
    [InlineData("hj;ltybz", true)]
    [InlineData("gosuslugi.ru", true)]
    [InlineData("полис", false)]
    [InlineData("пoлиc", false)]
    [InlineData("2024", false)]
    [InlineData("...", false)]
    public void A_chunk_counts_as_Latin_layout_only_when_every_key_is_on_the_Latin_layout_and_there_is_a_letter(string chunk, bool expected)
    {
        Assert.Equal(expected, KeyboardLayout.IsLatinLayoutChunk(chunk));
    }
}
