namespace Assistant.Knowledge.Analysis;

/// <summary>
/// Reads a Russian stump compound ("нацкалендарь", "медполис", "профосмотр": a cut-off stem glued to a word) as its parts,
/// when the tail is a KB word and the head begins KB words. Used only for words the analysis knows nothing else about.
/// </summary>
public static class CompoundSplitter
{
    /// <summary>Heads shorter than this ("к", "по") are prefixes, not stumps.</summary>
    public const int MinHeadLength = 3;

    public const int MinTailLength = 4;

    /// <summary>How many KB stems a head may stand for ("мед" → "медицинск", "медорганизац").</summary>
    public const int MaxHeadReadings = 2;

    /// <summary>The tail's stem and the KB stems the head may abbreviate; null when the word does not split that way.</summary>
    public static (string Tail, IReadOnlyList<string> Head)? Split(string word, Vocabulary vocabulary)
    {
        if (word.Length > TypoPolicy.MaxWordLength)
        {
            return null;
        }

        // The longest known tail wins: "профмедосмотр" is "проф" + "медосмотр" before "профмед" + "осмотр".
        for (var cut = MinHeadLength; cut <= word.Length - MinTailLength; cut++)
        {
            var tail = RussianStemmer.StemOnce(word[cut..]);
            if (tail.Length < MinTailLength - 1 || !vocabulary.Contains(tail))
            {
                continue;
            }

            var head = vocabulary.StemsStartingWith(word[..cut], MaxHeadReadings);
            if (head.Count > 0)
            {
                return (tail, head);
            }
        }

        return null;
    }
}
