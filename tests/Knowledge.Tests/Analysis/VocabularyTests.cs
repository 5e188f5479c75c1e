using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

public sealed class VocabularyTests
{
    [Fact]
    public void A_stem_one_letter_off_is_corrected_to_the_KB_stem()
    {
        var vocabulary = KbVocabulary.Of("Как прикрепиться к поликлинике?");

        Assert.Equal(RussianStemmer.Stem("поликлиника"), vocabulary.Correct(RussianStemmer.Stem("полеклиника")));
    }

    [Fact]
    public void A_short_word_two_letters_off_is_not_a_typo_of_a_KB_word()
    {
        var vocabulary = KbVocabulary.Of("полис");

        Assert.Equal("полис", vocabulary.Correct("палис"));
        Assert.Null(vocabulary.Correct("палес"));
    }

    [Fact]
    public void A_long_word_with_two_substituted_letters_is_corrected()
    {
        var vocabulary = KbVocabulary.Of("Как прикрепиться к поликлинике?", "регистратура");

        Assert.Equal(RussianStemmer.Stem("поликлиника"), vocabulary.Correct(RussianStemmer.Stem("паликленика")));
        Assert.Equal(RussianStemmer.Stem("регистратура"), vocabulary.Correct(RussianStemmer.Stem("ригистротура")));
        Assert.Null(vocabulary.Correct(RussianStemmer.Stem("палекленека")));
    }

    [Fact]
    public void A_shorter_word_two_substitutions_from_a_KB_word_is_left_alone()
    {
        var vocabulary = KbVocabulary.Of("в страховую компанию");

        Assert.Null(vocabulary.Correct(RussianStemmer.Stem("саратове")));
    }

    [Fact]
    public void On_a_tie_the_word_the_KB_uses_most_wins()
    {
        var vocabulary = new Vocabulary();
        vocabulary.Add("палис", "палис");
        vocabulary.Add("полис", "полис");
        vocabulary.Add("полис", "полиса");
        vocabulary.Add("полис", "полисом");

        Assert.Equal("полис", vocabulary.Correct("пулис"));
        Assert.Equal(3, vocabulary.Frequency("полис"));
    }

    [Fact]
    public void Nothing_is_suggested_when_no_KB_word_is_close()
    {
        var vocabulary = KbVocabulary.Of("Как получить полис ОМС?");

        Assert.Null(vocabulary.Correct("диспансеризац"));
    }

    [Theory]
    [InlineData("мрд")]
    [InlineData("омз")]
    public void Words_shorter_than_the_typo_minimum_are_never_corrected(string stem)
    {
        var vocabulary = KbVocabulary.Of("МРТ", "ОМС");

        Assert.Null(vocabulary.Correct(stem));
    }

    [Fact]
    public void The_surface_form_is_the_first_one_the_KB_used()
    {
        var vocabulary = KbVocabulary.Of("поликлиника", "поликлинике");

        Assert.True(vocabulary.Contains("поликлиник"));
        Assert.Equal("поликлиника", vocabulary.SurfaceOf("поликлиник"));
        Assert.Equal(1, vocabulary.Count);
    }
}
