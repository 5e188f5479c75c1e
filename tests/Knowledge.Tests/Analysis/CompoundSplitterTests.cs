using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class CompoundSplitterTests
{
    private static readonly Vocabulary Kb = KbVocabulary.Of(
        "Национальный календарь прививок", "Профилактический медицинский осмотр", "медосмотр на работе", "Полис ОМС");

    [Fact]
    public void A_stump_compound_reads_as_the_KB_words_it_is_cut_from()
    {
        var split = CompoundSplitter.Split("нацкалендарь", Kb);

        Assert.NotNull(split);
        Assert.Equal(RussianStemmer.Stem("календарь"), split.Value.Tail);
        Assert.Equal([RussianStemmer.Stem("национальный")], split.Value.Head);
    }

    [Fact]
    public void The_longest_known_tail_wins()
    {
        var split = CompoundSplitter.Split("профмедосмотр", Kb);

        Assert.Equal(RussianStemmer.Stem("медосмотр"), split!.Value.Tail);
        Assert.Equal([RussianStemmer.Stem("профилактический")], split.Value.Head);
    }

    [Theory]
    [InlineData("абракадабра")]
    [InlineData("шмыгкалендарь")] // the head begins no KB word
    [InlineData("зполис")] // a head too short to be a stump
    public void A_word_that_is_not_such_a_compound_is_left_alone(string word) =>
        Assert.Null(CompoundSplitter.Split(word, Kb));

    [Fact]
    public void A_word_longer_than_any_Russian_word_is_not_split_nor_corrected()
    {
        var huge = string.Concat(Enumerable.Repeat("нац", 20)) + "календарь";

        Assert.Null(CompoundSplitter.Split(huge, Kb));
        Assert.Null(Kb.Correct(huge));
    }

    [Fact]
    public void The_analyzer_searches_a_compound_by_its_parts_with_the_guessed_head_counting_little()
    {
        var analyzer = new TextAnalyzer(SynonymDictionary.BuiltIn, Lexicon.Russian);

        var analyzed = analyzer.AnalyzeQuery("нацкалендарь где посмотреть", Kb);

        Assert.Contains(analyzed.Terms, t => t.Term == RussianStemmer.Stem("календарь") && t.Weight == 1f);
        Assert.Contains(analyzed.Terms, t => t.Term == RussianStemmer.Stem("национальный") && t.Weight == TextAnalyzer.StumpWeight);
    }
}
