namespace Assistant.Knowledge.Analysis;

/// <summary>Function words and politeness formulas that say nothing about the topic (Resources/stopwords.ru.txt).</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(EmbeddedText.ReadLines("stopwords.ru.txt").Select(TextNormalizer.Normalize), StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);

    public static IReadOnlyCollection<string> All => Words;

    // Only stop words of four letters or more: one letter turns a shorter one into many other words.
    private static readonly string[] Long = [.. Words.Where(w => w.Length >= 4)];

    /// <summary>True when <paramref name="word"/> is one edit (a letter added, dropped, changed or two swapped) from a stop word of four letters or more.</summary>
    public static bool IsTypoOfOne(string word) =>
        word.Length >= 4 && Long.Any(w => Math.Abs(w.Length - word.Length) <= 1 && EditDistance.DamerauLevenshtein(w, word, 1) <= 1);
}
