namespace Assistant.Knowledge.Analysis;

/// <summary>Function words and politeness formulas that say nothing about the topic (Resources/stopwords.ru.txt).</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(EmbeddedText.ReadLines("stopwords.ru.txt").Select(TextNormalizer.Normalize), StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);

    public static IReadOnlyCollection<string> All => Words;
}
