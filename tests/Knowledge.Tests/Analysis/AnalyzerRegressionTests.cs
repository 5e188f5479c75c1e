using Assistant.Knowledge.Analysis;

namespace Assistant.Knowledge.Tests.Analysis;

/// <summary>Behaviours that once went wrong: kept here so they stay right.</summary>
public sealed class AnalyzerRegressionTests
{
    private static readonly TextAnalyzer Analyzer = new(SynonymDictionary.BuiltIn, Lexicon.Russian);

    [Fact]
    public void A_wrong_layout_message_keeps_its_real_Latin_words_and_links()
    {
        var vocabulary = KbVocabulary.Of("Как получить полис ОМС", "Прививка от гриппа");

        var analyzed = Analyzer.AnalyzeQuery("rfr gjkexbnm gjkbc covid на gosuslugi.ru", vocabulary);

        Assert.StartsWith("как получить полис covid", analyzed.CleanText);
        Assert.Contains("gosuslugi", analyzed.CleanText);
        Assert.DoesNotContain("сщмшв", analyzed.CleanText);
    }

    [Fact]
    public void Every_case_of_листок_нетрудоспособности_means_sick_leave()
    {
        var concept = Analyzer.AnalyzeDocument("больничный").Terms.Single(t => t.Term.StartsWith(SynonymDictionary.ConceptPrefix, StringComparison.Ordinal)).Term;

        foreach (var phrase in new[] { "листок нетрудоспособности", "листка нетрудоспособности", "листке нетрудоспособности", "листком нетрудоспособности" })
        {
            Assert.Contains(Analyzer.AnalyzeDocument(phrase).Terms, t => t.Term == concept);
        }
    }
}
