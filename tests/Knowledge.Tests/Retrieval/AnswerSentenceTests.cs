using Assistant.Knowledge.Model;
using Assistant.Knowledge.Tests.TestSupport;

namespace Assistant.Knowledge.Tests.Retrieval;

public sealed class AnswerSentenceTests
{
    private static KnowledgeBase Kb() => new()
    {
        LifeSituations = [new LifeSituation("sanatorium", "Санаторно-курортное лечение")],
        Articles =
        [
            new Article
            {
                Id = "voucher", LifeSituation = "sanatorium", Title = "Путёвка в санаторий",
                Questions = ["как получить путёвку в санаторий", "очередь на путёвку"],
                Answer = "Путёвку выдаёт Социальный фонд. Для заявления нужна справка для получения путёвки по форме 070/у от лечащего врача.",
            },
            new Article
            {
                Id = "rehab", LifeSituation = "sanatorium", Title = "Реабилитация после больницы",
                Questions = ["долечивание после инфаркта", "реабилитация после операции"],
                Answer = "Медицинскую реабилитацию назначает лечащий врач стационара.",
            },
        ],
    };

    [Fact]
    public async Task A_message_about_a_specific_only_the_answer_names_finds_its_article_shown_by_title()
    {
        await using var host = await KnowledgeHost.StartAsync(Kb);

        var result = await host.AskAsync("справка по форме 070");

        var top = result.Candidates[0];
        Assert.Equal("voucher", top.ArticleId);
        Assert.True(top.Lexical > 0);
        Assert.Equal("Путёвка в санаторий", top.MatchedText);
    }

    [Fact]
    public async Task Answer_sentences_are_not_counted_as_questions()
    {
        await using var host = await KnowledgeHost.StartAsync(Kb);

        // Two titles and four curated questions.
        Assert.Equal(6, host.Service.QuestionCount);
    }

    [Fact]
    public async Task The_passages_for_a_follow_up_are_the_whole_sentences_of_the_answer_its_own_words_name()
    {
        await using var host = await KnowledgeHost.StartAsync(Kb);

        Assert.Equal(["Для заявления нужна справка для получения путёвки по форме 070/у от лечащего врача."],
            host.Service.PassagesFor("voucher", "а справку где брать?"));
        Assert.Empty(host.Service.PassagesFor("voucher", "а сколько ждать?"));
        Assert.Empty(host.Service.PassagesFor("no-such-article", "справка"));
        Assert.Empty(host.Service.PassagesFor("voucher", ""));
    }

    [Fact]
    public void Whole_sentences_keep_abbreviations_and_clauses_inside()
    {
        Assert.Equal(
            ["К узким специалистам (кардиологу, неврологу и др.) направляет терапевт: запишитесь к нему; т. д. не нужно.", "Запись — по номеру 122."],
            Assistant.Knowledge.Retrieval.AnswerSentences.Whole("К узким специалистам (кардиологу, неврологу и др.) направляет терапевт: запишитесь к нему; т. д. не нужно. Запись — по номеру 122."));
    }
}
