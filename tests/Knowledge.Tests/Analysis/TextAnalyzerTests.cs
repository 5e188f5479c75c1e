using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class TextAnalyzerTests
{
    private static readonly TextAnalyzer Analyzer = new(SynonymDictionary.BuiltIn, Lexicon.Russian);

    private static readonly Vocabulary Kb = KbVocabulary.Of(
        "Как прикрепиться к поликлинике?",
        "Как получить больничный лист?",
        "Как получить полис ОМС?",
        "Аналоги препарата в аптеке",
        "Сделать МРТ по направлению");

    [Fact]
    public void A_message_typed_on_the_Latin_layout_is_read_as_Russian()
    {
        var analyzed = Analyzer.AnalyzeQuery("rfr gjkexbnm gjkbc", new Vocabulary());

        Assert.Equal("как получить полис", analyzed.CleanText);
        Assert.Equal(Stems("получить", "полис"), analyzed.Stems);
    }

    [Fact]
    public void Latin_layout_chunks_convert_inside_an_otherwise_Russian_message()
    {
        var analyzed = Analyzer.AnalyzeQuery("как gjkexbnm gjkbc омс", Kb);

        Assert.Equal("как получить полис омс", analyzed.CleanText);
    }

    [Theory]
    [InlineData("справка о прививке covid", "covid")]
    [InlineData("записаться через gosuslugi.ru", "gosuslugi")]
    [InlineData("результат pcr теста", "pcr")]
    public void Real_Latin_words_in_a_Russian_message_are_kept(string message, string latinWord)
    {
        var analyzed = Analyzer.AnalyzeQuery(message, Kb);

        Assert.Contains(latinWord, analyzed.Stems);
        Assert.Contains(latinWord, analyzed.CleanText);
    }

    [Fact]
    public void A_Latin_message_that_does_not_read_as_Russian_is_left_alone()
    {
        var analyzed = Analyzer.AnalyzeQuery("covid vaccine", Kb);

        Assert.Equal("covid vaccine", analyzed.CleanText);
    }

    [Fact]
    public void A_clipped_word_stands_for_the_longer_KB_word_it_begins_rather_than_a_word_one_letter_away()
    {
        var kb = KbVocabulary.Of("Родовой сертификат в личном кабинете", "Справка о смерти");

        var analyzed = Analyzer.AnalyzeQuery("где мой родовой серт", kb);

        Assert.Empty(analyzed.Corrections);
        Assert.Contains(analyzed.Terms, t => t.Term == RussianStemmer.Stem("сертификат") && t.Weight == TextAnalyzer.FamilyWeight);
        Assert.DoesNotContain(analyzed.Terms, t => t.Term == RussianStemmer.Stem("смерти"));
    }

    [Theory]
    [InlineData("вобще")]
    [InlineData("вообщем")]
    [InlineData("пожалуста")]
    public void A_misspelt_stop_word_is_not_corrected_into_a_KB_word(string typo)
    {
        var kb = KbVocabulary.Of("Общий порядок записи", "Пожар в больнице", "Вообразите");

        var analyzed = Analyzer.AnalyzeQuery($"платные услуги законно ли {typo}", kb);

        Assert.Empty(analyzed.Corrections);
        Assert.Empty(analyzed.Stems.Intersect(Stems("общий", "пожар", "вообразите")));
    }

    [Theory]
    [InlineData("изъятие органов отказ", "органы", "организация")]
    [InlineData("нужна справка о полике", "полисе", "поликлиника")]
    public void An_inflected_word_is_repaired_as_a_typo_not_read_as_a_clipping(string message, string meant, string longer)
    {
        var kb = KbVocabulary.Of($"Вопросы про {meant}", $"Работа {longer}");

        var analyzed = Analyzer.AnalyzeQuery(message, kb);

        Assert.Contains(RussianStemmer.Stem(meant), analyzed.Stems);
        Assert.DoesNotContain(analyzed.Terms, t => t.Term == RussianStemmer.Stem(longer));
    }

    [Fact]
    public void A_typo_one_letter_from_a_KB_word_is_repaired_even_when_it_is_also_near_a_stop_word()
    {
        var kb = KbVocabulary.Of("Получение медицинской помощи");

        var analyzed = Analyzer.AnalyzeQuery("нужна срочная помоши", kb);

        Assert.Contains(RussianStemmer.Stem("помощи"), analyzed.Stems);
    }

    [Fact]
    public void A_word_too_short_to_tell_what_it_clips_is_left_to_typo_repair()
    {
        Assert.Empty(KbVocabulary.Of("Медицинская помощь").Completions(RussianStemmer.Stem("мед")));
    }

    [Fact]
    public void Word_forms_share_one_stem()
    {
        var stems = new[] { "полис", "полиса", "полисом", "полисы", "полисов" }.Select(RussianStemmer.Stem).Distinct().ToList();

        Assert.Single(stems);
    }

    [Fact]
    public void Questions_with_different_word_forms_analyse_to_the_same_stems()
    {
        var a = Analyzer.AnalyzeDocument("Нет полиса");
        var b = Analyzer.AnalyzeDocument("Что делать с полисом");

        Assert.Contains(RussianStemmer.Stem("полис"), a.Stems);
        Assert.Contains(RussianStemmer.Stem("полис"), b.Stems);
    }

    [Fact]
    public void Yo_and_capital_letters_do_not_change_the_analysis()
    {
        var a = Analyzer.AnalyzeDocument("ПОЛИС ДЛЯ НОВОРОЖДЁННОГО РЕБЁНКА");
        var b = Analyzer.AnalyzeDocument("полис для новорожденного ребенка");

        Assert.Equal(b.Stems, a.Stems);
        Assert.Equal(b.CleanText, a.CleanText);
    }

    [Fact]
    public void Stop_words_and_politeness_carry_no_weight()
    {
        var analyzed = Analyzer.AnalyzeQuery("Здравствуйте, подскажите пожалуйста, как мне получить полис", Kb);

        Assert.Equal(Stems("получить", "полис"), analyzed.Stems);
        var dropped = new[] { "здравствуйте", "подскажите", "пожалуйста", "как", "мне" }.Select(RussianStemmer.Stem);
        Assert.DoesNotContain(analyzed.Terms, t => dropped.Contains(t.Term));
    }

    [Fact]
    public void A_message_of_stop_words_only_has_nothing_to_search_for()
    {
        Assert.True(Analyzer.AnalyzeQuery("здравствуйте, подскажите пожалуйста", Kb).IsEmpty);
    }

    [Theory]
    [InlineData("ЭЛН", "больничный")]
    [InlineData("ЭЛН", "листок нетрудоспособности")]
    [InlineData("больничный", "листок нетрудоспособности")]
    [InlineData("ОМС", "обязательное медицинское страхование")]
    [InlineData("МСЭ", "медико-социальная экспертиза")]
    [InlineData("доктор", "врач")]
    public void Abbreviations_and_synonyms_meet_on_a_shared_concept(string one, string other)
    {
        Assert.NotEmpty(Concepts(one).Intersect(Concepts(other)));
    }

    [Theory]
    [InlineData("больничный", "полис ОМС")]
    [InlineData("ОМС", "ДМС")]
    [InlineData("прививка", "справка")]
    public void Different_things_do_not_share_a_concept(string one, string other)
    {
        Assert.Empty(Concepts(one).Intersect(Concepts(other)));
    }

    [Fact]
    public void In_a_message_a_concept_counts_more_than_the_words_of_the_phrase_it_came_from()
    {
        var terms = Analyzer.AnalyzeQuery("листок нетрудоспособности", Kb).Terms;

        var concept = Assert.Single(terms, t => t.Term.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal));
        var member = Assert.Single(terms, t => t.Term == RussianStemmer.Stem("нетрудоспособности"));
        Assert.True(concept.Weight > member.Weight);
    }

    [Fact]
    public void In_KB_text_the_words_of_a_synonym_phrase_keep_their_whole_weight_so_part_of_the_phrase_still_matches()
    {
        var terms = Analyzer.AnalyzeDocument("листок нетрудоспособности").Terms;

        Assert.Contains(terms, t => t.Term.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal) && t.Weight == 1f);
        Assert.Contains(terms, t => t.Term == RussianStemmer.Stem("нетрудоспособности") && t.Weight == 1f);
    }

    [Fact]
    public void A_questions_wording_and_a_documents_wording_meet_on_the_concept()
    {
        var query = Analyzer.AnalyzeQuery("как открыть ЭЛН", Kb);
        var document = Analyzer.AnalyzeDocument("Порядок оформления больничного листа");

        var shared = query.Terms.Select(t => t.Term).Intersect(document.Terms.Select(t => t.Term));
        Assert.Contains(shared, t => t.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("полеклиника", "поликлиник")]
    [InlineData("болничный", "больничн")]
    [InlineData("палис", "полис")]
    public void A_typo_of_a_KB_word_is_repaired(string typo, string kbStem)
    {
        var analyzed = Analyzer.AnalyzeQuery("как " + typo, Kb);

        Assert.Equal([kbStem], analyzed.Stems);
        Assert.Single(analyzed.Corrections);
        Assert.StartsWith(typo + "→", analyzed.Corrections[0]);
    }

    [Fact]
    public void The_repaired_word_reaches_the_clean_text_handed_to_embedders()
    {
        var analyzed = Analyzer.AnalyzeQuery("прикрепиться к полеклинике", Kb);

        Assert.DoesNotContain("полеклиник", analyzed.CleanText);
        Assert.Contains("поликлиник", analyzed.CleanText);
    }

    [Fact]
    public void A_real_Russian_word_the_KB_does_not_use_is_not_turned_into_a_KB_word()
    {
        // "налоги" is one letter from the KB's "аналоги", but it is a word in its own right.
        var analyzed = Analyzer.AnalyzeQuery("налоги", Kb);

        Assert.Empty(analyzed.Corrections);
        Assert.Equal([RussianStemmer.Stem("налоги")], analyzed.Stems);
    }

    [Fact]
    public void Without_the_Russian_lexicon_the_same_word_would_be_mistaken_for_a_typo()
    {
        var withoutLexicon = new TextAnalyzer(SynonymDictionary.BuiltIn, new Lexicon([]));

        var analyzed = withoutLexicon.AnalyzeQuery("налоги", Kb);

        Assert.Equal([RussianStemmer.Stem("аналоги")], analyzed.Stems);
    }

    [Theory]
    [InlineData("мрд")]
    [InlineData("кт")]
    public void Short_words_are_not_corrected(string word)
    {
        var analyzed = Analyzer.AnalyzeQuery(word, Kb);

        Assert.Empty(analyzed.Corrections);
        Assert.Equal([word], analyzed.Stems);
    }

    [Fact]
    public void KB_text_is_never_repaired()
    {
        var analyzed = Analyzer.AnalyzeDocument("полеклиника");

        Assert.Empty(analyzed.Corrections);
        Assert.Equal([RussianStemmer.Stem("полеклиника")], analyzed.Stems);
    }

    private static List<string> Stems(params string[] words) => words.Select(RussianStemmer.Stem).ToList();

    private static IEnumerable<string> Concepts(string text) =>
        Analyzer.AnalyzeDocument(text).Terms.Select(t => t.Term).Where(t => t.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal));
}
