using System.Text;

namespace Assistant.Knowledge.Analysis;

/// <summary>
/// The Russian analysis chain, in order: normalise → fix wrong keyboard layout → split into words → drop stop words →
/// fix typos against the KB's vocabulary → Snowball stems → synonym/abbreviation concepts.
/// KB text is clean, so documents skip the two repair steps.
/// </summary>
public sealed class TextAnalyzer(SynonymDictionary synonyms, Lexicon lexicon)
{
    /// <summary>
    /// In a message, words inside a matched synonym phrase keep part of their weight: the concept carries the meaning. A KB text
    /// keeps them whole, so a message naming only part of the phrase ("форма 156" for "форма 156/у-93") still matches fully.
    /// </summary>
    public const float SynonymMemberWeight = 0.5f;

    /// <summary>A KB word of the same family stands in for an unknown query word, at a discount.</summary>
    public const float FamilyWeight = 0.6f;

    /// <summary>What a compound's cut-off head ("нац" in "нацкалендарь") may stand for is a guess: it counts little.</summary>
    public const float StumpWeight = 0.3f;

    public SynonymDictionary Synonyms { get; } = synonyms;

    public AnalyzedText AnalyzeDocument(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = Tokenizer.Split(normalized);
        var content = words.Where(w => !StopWords.Contains(w)).ToList();
        var stems = content.Select(RussianStemmer.Stem).ToList();
        return Build(string.Join(' ', words), stems, [], memberWeight: 1f);
    }

    public AnalyzedText AnalyzeQuery(string text, Vocabulary vocabulary)
    {
        var normalized = TextNormalizer.Normalize(text);
        var repaired = FixLayout(normalized, vocabulary);
        var words = Tokenizer.Split(repaired);
        var clean = new List<string>(words.Count);
        var stems = new List<string>(words.Count);
        var corrections = new List<string>();
        var family = new List<string>();
        var stumps = new List<string>();
        foreach (var word in words)
        {
            if (StopWords.Contains(word))
            {
                clean.Add(word);
                continue;
            }

            var stem = RussianStemmer.Stem(word);
            var unknown = !IsKnown(stem, vocabulary) && RussianStemmer.IsCyrillic(word);
            var corrected = unknown ? vocabulary.Correct(stem) : null;

            // A KB word one letter from what was typed («помоши» → «помощи») is the likeliest reading; the two readings below
            // apply only when the nearest KB word is further away.
            var close = corrected is not null && EditDistance.DamerauLevenshtein(vocabulary.SurfaceOf(corrected), word, 1) <= 1;
            if (unknown && !close && StopWords.IsTypoOfOne(word))
            {
                // «вобще» is «вообще» misspelt, not a KB word two letters away («общей»): it carries no meaning either way.
                clean.Add(word);
                continue;
            }

            // A colloquial clipping of a longer KB word («серт» for «сертификат») has no ending of its own; an inflected word
            // («органов», «полике») is an ending on some stem, and typo repair reads it better.
            if (unknown && !close && stem == word && vocabulary.Completions(stem) is { Count: > 0 } completions)
            {
                // It stands for that word at the weight of a relative, rather than for whatever word is a letter away («смерти»).
                family.AddRange(completions);
                stems.Add(stem);
                clean.Add(word);
                continue;
            }

            if (corrected is not null)
            {
                corrections.Add($"{word}→{vocabulary.SurfaceOf(corrected)}");
                stems.Add(corrected);
                clean.Add(vocabulary.SurfaceOf(corrected));
                continue;
            }

            if (unknown && CompoundSplitter.Split(word, vocabulary) is { } compound)
            {
                stumps.AddRange(compound.Head);
                stems.Add(compound.Tail);
                clean.Add(string.Join(' ', compound.Head.Take(1).Select(vocabulary.SurfaceOf).Append(vocabulary.SurfaceOf(compound.Tail))));
                continue;
            }

            if (!vocabulary.Contains(stem))
            {
                family.AddRange(vocabulary.FamilyOf(stem));
            }

            stems.Add(stem);
            clean.Add(word);
        }

        return Build(string.Join(' ', clean), stems, corrections, family, stumps);
    }

    private AnalyzedText Build(string cleanText, List<string> stems, List<string> corrections, List<string>? family = null, List<string>? stumps = null,
        float memberWeight = SynonymMemberWeight)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var stump in stumps ?? [])
        {
            weights[stump] = StumpWeight;
        }

        foreach (var relative in family ?? [])
        {
            weights[relative] = FamilyWeight;
        }

        var memberOfPhrase = new bool[stems.Count];
        foreach (var match in Synonyms.Find(stems))
        {
            weights[match.Concept] = 1f;
            for (var i = match.Start; i < match.Start + match.Length; i++)
            {
                memberOfPhrase[i] = true;
            }
        }

        for (var i = 0; i < stems.Count; i++)
        {
            var weight = memberOfPhrase[i] ? memberWeight : 1f;
            if (!weights.TryGetValue(stems[i], out var existing) || existing < weight)
            {
                weights[stems[i]] = weight;
            }
        }

        var terms = weights.Select(kv => new WeightedTerm(kv.Key, kv.Value)).ToList();
        return new AnalyzedText(cleanText, terms, stems, corrections);
    }

    private bool IsKnown(string stem, Vocabulary vocabulary) =>
        vocabulary.Contains(stem) || lexicon.ContainsStem(stem) || !RussianStemmer.IsCyrillic(stem);

    /// <summary>
    /// Converts whitespace-separated chunks typed on the Latin layout ("rfr gjkexbnm gjkbc") when the Cyrillic reading is made of
    /// known words; once most Latin chunks of a message convert, the rest follow (a typo typed in the wrong layout).
    /// </summary>
    private string FixLayout(string normalized, Vocabulary vocabulary)
    {
        var chunks = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var latin = new List<int>();
        var converted = new HashSet<int>();
        for (var i = 0; i < chunks.Length; i++)
        {
            if (!KeyboardLayout.IsLatinLayoutChunk(chunks[i]))
            {
                continue;
            }

            latin.Add(i);
            var words = Tokenizer.Split(KeyboardLayout.ToCyrillic(chunks[i]));
            if (words.Count > 0 && words.All(w => StopWords.Contains(w) || IsKnownCyrillicWord(w, vocabulary)))
            {
                converted.Add(i);
            }
        }

        if (converted.Count == 0)
        {
            return normalized;
        }

        var convertAll = converted.Count * 2 >= latin.Count;
        var sb = new StringBuilder(normalized.Length);
        for (var i = 0; i < chunks.Length; i++)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            var convert = converted.Contains(i) || (convertAll && latin.Contains(i) && IsMistypedKbWord(chunks[i], vocabulary));
            sb.Append(convert ? KeyboardLayout.ToCyrillic(chunks[i]) : chunks[i]);
        }

        return sb.ToString();
    }

    /// <summary>A Latin chunk whose Cyrillic reading is a typo of a KB word (so real Latin words and links are left alone).</summary>
    private static bool IsMistypedKbWord(string chunk, Vocabulary vocabulary)
    {
        var words = Tokenizer.Split(KeyboardLayout.ToCyrillic(chunk));
        return words.Count > 0 && words.All(w => StopWords.Contains(w) || vocabulary.Correct(RussianStemmer.Stem(w)) is not null);
    }

    private bool IsKnownCyrillicWord(string word, Vocabulary vocabulary)
    {
        var stem = RussianStemmer.Stem(word);
        return vocabulary.Contains(stem) || lexicon.ContainsStem(stem);
    }
}
