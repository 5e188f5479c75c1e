namespace Assistant.Knowledge.Analysis;

/// <summary>How far a word may be from a KB word to count as a typo of it: short words change meaning with one letter.</summary>
public static class TypoPolicy
{
    public const int MinWordLength = 4;

    /// <summary>Longer "words" (no Russian word is) are not repaired at all: the work grows with the length squared.</summary>
    public const int MaxWordLength = 40;

    /// <summary>
    /// Two substituted letters are looked for only in stems this long: in shorter ones they turn one real word into another
    /// (a city "саратов" is two letters from "страхов").
    /// </summary>
    public const int MinScannedLength = 8;

    public static int MaxDistance(int length) => length switch
    {
        < MinWordLength => 0,
        < 7 => 1,
        _ => 2,
    };
}
