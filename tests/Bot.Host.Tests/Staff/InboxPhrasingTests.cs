using Assistant.Bot.Host.Staff.Inbox;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>What an attached question becomes in the KB: the citizen's words, without the masked data nor the words that introduced it.</summary>
public sealed class InboxPhrasingTests
{
    [Theory]
    [InlineData("подскажите расписание электричек до дачи, мой телефон [телефон]", "подскажите расписание электричек до дачи")]
    [InlineData("как получить полис омс, мой снилс [СНИЛС]", "как получить полис омс")]
    [InlineData("расписание электричек до дачи, звоните [телефон]", "расписание электричек до дачи")]
    [InlineData("справка в бассейн, телефон: [телефон]", "справка в бассейн")]
    [InlineData("меня зовут [ФИО], как записаться к терапевту", "как записаться к терапевту")]
    [InlineData("мой номер телефона [телефон] перезвоните по записи к врачу", "перезвоните по записи к врачу")]
    [InlineData("как получить полис мой полис [полис ОМС]", "как получить полис")]
    [InlineData("[e-mail] пришлите справку", "пришлите справку")]
    [InlineData("поменять полис [полис ОМС] при переезде", "поменять полис при переезде")]
    [InlineData("Где взять справку в бассейн?", "Где взять справку в бассейн?")]
    public void Masked_data_goes_with_its_cue_words_and_the_question_stays(string kept, string attached) =>
        Assert.Equal(attached, InboxPhrasing.Of(kept));

    [Theory]
    [InlineData("Как получить полис ОМС?", "как получить  полис омс")]
    [InlineData("Где взять справку — в бассейн", "где взять справку в бассейн")]
    [InlineData("Ёлка", "елка")]
    public void Phrasings_that_differ_in_case_punctuation_or_yo_are_the_same(string one, string other) =>
        Assert.Equal(InboxPhrasing.Key(one), InboxPhrasing.Key(other));

    [Theory]
    [InlineData("перезвоните 3321122", true)]
    [InlineData("паспорт 45 10 123456", true)]
    [InlineData("номер (912) 345-67-89", true)]
    [InlineData("справка 086у для вуза 2025", false)]
    [InlineData("приказ 290н от 12.04.2011", false)]
    [InlineData("как получить полис омс", false)]
    public void A_long_number_is_seven_digits_or_more_however_separated(string phrasing, bool expected) =>
        Assert.Equal(expected, InboxPhrasing.HasLongNumber(phrasing));

    [Fact]
    public void A_new_article_starts_from_at_most_a_thousand_characters_of_phrasings_without_long_numbers()
    {
        var texts = Enumerable.Range(0, 40).Select(i => $"как получить справку номер {i} для бассейна ребенку в школу сроки и порядок выдачи")
            .Prepend("перезвоните 3321122 по справке")
            .Prepend(new string('д', 301));

        var phrasings = InboxPhrasing.ForNewArticle(texts);

        Assert.InRange(phrasings.Sum(p => p.Length + 1), 1, 1_001);
        Assert.InRange(phrasings.Count, 10, 20);
        Assert.DoesNotContain(phrasings, p => p.Contains("3321122", StringComparison.Ordinal) || p.Length > 300);
        Assert.InRange(Uri.EscapeDataString(string.Join("\n", phrasings)).Length, 1, 7_000);
    }
}
