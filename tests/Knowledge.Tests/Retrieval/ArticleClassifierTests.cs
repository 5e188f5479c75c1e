using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Knowledge.Tests.Retrieval;

public sealed class ArticleClassifierTests
{
    private static readonly TextAnalyzer Analyzer = new(SynonymDictionary.BuiltIn, Lexicon.Russian);

    private static readonly (string Text, string Article)[] Kb =
    [
        ("Как оформить больничный", "sick-leave"),
        ("Как получить листок нетрудоспособности при болезни", "sick-leave"),
        ("Заболел, нужен больничный для работы", "sick-leave"),
        ("Больничный по уходу за больным ребёнком", "sick-leave-child"),
        ("Ребёнок заболел, как оформить больничный маме", "sick-leave-child"),
        ("Сколько дней больничного по уходу за ребёнком", "sick-leave-child"),
        ("Как получить полис ОМС", "oms-policy"),
        ("Где оформить медицинский полис", "oms-policy"),
    ];

    private static ArticleClassifier Train() =>
        ArticleClassifier.Train(Kb.Select(x => (Analyzer.AnalyzeDocument(x.Text), x.Article)).ToList());

    private static string Best(ArticleClassifier classifier, string message)
    {
        var p = classifier.Predict(Analyzer.AnalyzeDocument(message));
        return classifier.Classes[Array.IndexOf(p, p.Max())];
    }

    [Fact]
    public void The_word_that_tells_neighbouring_articles_apart_decides()
    {
        var classifier = Train();

        Assert.Equal("sick-leave-child", Best(classifier, "больничный на сына"));
        Assert.Equal("sick-leave", Best(classifier, "больничный себе оформить"));
        Assert.Equal("oms-policy", Best(classifier, "полис где получить"));
    }

    [Fact]
    public void Probabilities_cover_every_article_and_sum_to_one()
    {
        var classifier = Train();

        var p = classifier.Predict(Analyzer.AnalyzeDocument("что-то совсем другое"));

        Assert.Equal(3, classifier.Classes.Count);
        Assert.Equal(1f, p.Sum(), 3);
        Assert.All(p, x => Assert.InRange(x, 0f, 1f));
    }
}
