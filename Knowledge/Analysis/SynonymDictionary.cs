namespace Assistant.Knowledge.Analysis;

/// <summary>
/// Groups of words and phrases that mean the same ("больничный" = "листок нетрудоспособности" = "ЭЛН").
/// A phrase found in a text adds the group's concept term, so a question and an article meet whichever member each uses.
/// Groups that share a phrase are merged.
/// </summary>
public sealed class SynonymDictionary
{
    public const string ConceptPrefix = "~";

    private readonly Dictionary<string, List<Phrase>> _byFirstStem;

    private readonly IReadOnlyList<IReadOnlyList<string>> _sourceGroups;

    private SynonymDictionary(Dictionary<string, List<Phrase>> byFirstStem, int groupCount, IReadOnlyList<IReadOnlyList<string>> sourceGroups)
    {
        _byFirstStem = byFirstStem;
        GroupCount = groupCount;
        _sourceGroups = sourceGroups;
    }

    public int GroupCount { get; }

    public static SynonymDictionary BuiltIn { get; } = Create(ReadGroups(EmbeddedText.ReadLines("health-synonyms.ru.txt")));

    /// <summary>Reads the "a | b | c" line format of Resources/health-synonyms.ru.txt.</summary>
    public static IEnumerable<IReadOnlyList<string>> ReadGroups(IEnumerable<string> lines) =>
        lines.Select(line => (IReadOnlyList<string>)line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
             .Where(g => g.Count >= 2);

    public static SynonymDictionary Create(IEnumerable<IReadOnlyList<string>> groups)
    {
        var sourceGroups = groups.ToList();
        var phraseGroups = sourceGroups.Select(g => g.Select(PhraseStems).Where(s => s.Length > 0).Distinct(StemSequenceComparer.Instance).ToList())
                                 .Where(g => g.Count >= 2)
                                 .ToList();

        // Union-find over groups sharing a phrase, so "ЭЛН" in two groups joins them into one concept.
        var parent = Enumerable.Range(0, phraseGroups.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<string[], int>(StemSequenceComparer.Instance);
        for (var g = 0; g < phraseGroups.Count; g++)
        {
            foreach (var phrase in phraseGroups[g])
            {
                if (owner.TryGetValue(phrase, out var other))
                {
                    parent[Find(g)] = Find(other);
                }
                else
                {
                    owner[phrase] = g;
                }
            }
        }

        var byFirstStem = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var (phrase, group) in owner)
        {
            var root = Find(group);
            var concept = ConceptPrefix + string.Join('_', phraseGroups[root][0]);
            if (!byFirstStem.TryGetValue(phrase[0], out var list))
            {
                byFirstStem[phrase[0]] = list = [];
            }

            list.Add(new Phrase(phrase, concept));
        }

        foreach (var list in byFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        }

        return new SynonymDictionary(byFirstStem, parent.Select((_, i) => Find(i)).Distinct().Count(), sourceGroups);
    }

    /// <summary>A dictionary holding this one's groups and the extra ones (a KB's own synonyms add to the built-in ones).</summary>
    public SynonymDictionary With(IEnumerable<IReadOnlyList<string>> extraGroups)
    {
        var extra = extraGroups.ToList();
        if (extra.Count == 0)
        {
            return this;
        }

        return Create(_sourceGroups.Concat(extra));
    }

    /// <summary>Finds member phrases in a stem sequence (longest first) and reports each match's concept and span.</summary>
    public IEnumerable<SynonymMatch> Find(IReadOnlyList<string> stems)
    {
        for (var i = 0; i < stems.Count; i++)
        {
            if (!_byFirstStem.TryGetValue(stems[i], out var candidates))
            {
                continue;
            }

            foreach (var phrase in candidates)
            {
                if (Matches(stems, i, phrase.Stems))
                {
                    yield return new SynonymMatch(phrase.Concept, i, phrase.Stems.Length);
                    break;
                }
            }
        }
    }

    private static bool Matches(IReadOnlyList<string> stems, int start, string[] phrase)
    {
        if (start + phrase.Length > stems.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(stems[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] PhraseStems(string phrase) =>
        Tokenizer.Split(TextNormalizer.Normalize(phrase))
                 .Where(w => !StopWords.Contains(w))
                 .Select(RussianStemmer.Stem)
                 .ToArray();

    private sealed record Phrase(string[] Stems, string Concept);

    private sealed class StemSequenceComparer : IEqualityComparer<string[]>
    {
        public static readonly StemSequenceComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var s in obj)
            {
                hash.Add(s, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}

public readonly record struct SynonymMatch(string Concept, int Start, int Length);
