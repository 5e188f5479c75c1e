using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class SynonymDictionaryTests
{
    private static readonly IReadOnlyList<string>[] CovidGroup = [["ковид", "коронавирус", "covid-19"]];

    [Fact]
    public void The_built_in_dictionary_is_loaded()
    {
        Assert.True(SynonymDictionary.BuiltIn.GroupCount > 10);
    }

    [Fact]
    public void A_KBs_own_synonyms_join_words_the_built_in_dictionary_does_not()
    {
        var builtIn = new TextAnalyzer(SynonymDictionary.BuiltIn, Lexicon.Russian);
        var withKb = new TextAnalyzer(SynonymDictionary.BuiltIn.With(CovidGroup), Lexicon.Russian);

        Assert.Empty(Concepts(builtIn, "ковид").Intersect(Concepts(builtIn, "коронавирус")));
        Assert.NotEmpty(Concepts(withKb, "ковид").Intersect(Concepts(withKb, "коронавирус")));
        Assert.NotEmpty(Concepts(withKb, "ковид").Intersect(Concepts(withKb, "covid 19")));
    }

    [Fact]
    public void A_KBs_own_synonyms_add_to_the_built_in_ones_rather_than_replace_them()
    {
        var withKb = new TextAnalyzer(SynonymDictionary.BuiltIn.With(CovidGroup), Lexicon.Russian);

        Assert.NotEmpty(Concepts(withKb, "ЭЛН").Intersect(Concepts(withKb, "больничный")));
        Assert.Equal(SynonymDictionary.BuiltIn.GroupCount + 1, SynonymDictionary.BuiltIn.With(CovidGroup).GroupCount);
    }

    [Fact]
    public void Adding_KB_synonyms_leaves_the_built_in_dictionary_untouched()
    {
        var before = SynonymDictionary.BuiltIn.GroupCount;

        _ = SynonymDictionary.BuiltIn.With(CovidGroup);

        Assert.Equal(before, SynonymDictionary.BuiltIn.GroupCount);
    }

    [Fact]
    public void A_KB_synonym_sharing_a_phrase_with_a_built_in_group_merges_into_it()
    {
        // "больничный" is already in the built-in sick-leave group, so "бюллетень" joins that concept.
        var analyzer = new TextAnalyzer(SynonymDictionary.BuiltIn.With([["бюллетень", "больничный"]]), Lexicon.Russian);

        Assert.NotEmpty(Concepts(analyzer, "бюллетень").Intersect(Concepts(analyzer, "ЭЛН")));
    }

    [Theory]
    [InlineData("полиса ОМС")]
    [InlineData("полисом омс")]
    [InlineData("медицинский полис")]
    public void A_phrase_matches_in_any_grammatical_form(string text)
    {
        var analyzer = new TextAnalyzer(SynonymDictionary.BuiltIn, Lexicon.Russian);

        Assert.NotEmpty(Concepts(analyzer, "полис ОМС").Intersect(Concepts(analyzer, text)));
    }

    [Fact]
    public void A_KB_group_naming_a_built_in_abbreviation_joins_the_built_in_group()
    {
        var analyzer = new TextAnalyzer(SynonymDictionary.BuiltIn.With([["СМО", "страховщик"]]), Lexicon.Russian);

        Assert.NotEmpty(Concepts(analyzer, "страховщик").Intersect(Concepts(analyzer, "страховая медицинская организация")));
    }

    [Fact]
    public void Groups_are_read_from_the_bar_separated_line_format()
    {
        var groups = SynonymDictionary.ReadGroups(["ЭКО | экстракорпоральное оплодотворение", "одинокое слово", " узи |  ультразвуковое исследование "]).ToList();

        Assert.Equal(2, groups.Count);
        Assert.Equal(["ЭКО", "экстракорпоральное оплодотворение"], groups[0]);
        Assert.Equal(["узи", "ультразвуковое исследование"], groups[1]);
    }

    [Fact]
    public void The_longest_member_phrase_wins_where_phrases_overlap()
    {
        var dictionary = SynonymDictionary.Create([["полис", "страховка"], ["полис омс", "медицинский полис"]]);
        var stems = new[] { "полис", "омс" }.Select(RussianStemmer.Stem).ToList();

        var match = Assert.Single(dictionary.Find(stems));

        Assert.Equal(2, match.Length);
    }

    private static IEnumerable<string> Concepts(TextAnalyzer analyzer, string text) =>
        analyzer.AnalyzeDocument(text).Terms.Select(t => t.Term).Where(t => t.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal));
}
