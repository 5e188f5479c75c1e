namespace Assistant.Knowledge.Analysis;

/// <summary>
/// Stems of general Russian words (derived from Debian's hunspell-ru word list, see Resources/LICENSE.hunspell-ru.txt).
/// It tells a real word the KB does not use ("налоги") from a typo of a KB word, so the former is never "corrected" into the latter.
/// </summary>
public sealed class Lexicon
{
    public const string ResourceName = "ru-lexicon.txt.gz";

    private readonly HashSet<string> _stems;

    public Lexicon(IEnumerable<string> stems) => _stems = new HashSet<string>(stems, StringComparer.Ordinal);

    public static Lexicon Russian { get; } = new(EmbeddedText.ReadLines(ResourceName));

    public int Count => _stems.Count;

    public bool ContainsStem(string stem) => _stems.Contains(stem);

    /// <summary>Turns hunspell .dic lines ("слово/FLAGS") into the sorted, distinct stem list the resource holds.</summary>
    public static IReadOnlyList<string> StemsFromHunspell(IEnumerable<string> dicLines)
    {
        var stems = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in dicLines.Skip(1))
        {
            var slash = line.IndexOf('/');
            var word = TextNormalizer.Normalize(slash >= 0 ? line[..slash] : line).Trim();
            if (word.Length >= 2 && RussianStemmer.IsCyrillic(word))
            {
                stems.Add(RussianStemmer.Stem(word));
            }
        }

        return stems.ToList();
    }
}
