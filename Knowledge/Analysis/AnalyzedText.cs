namespace Assistant.Knowledge.Analysis;

/// <summary>A term and how much it counts: words inside a synonym phrase count less, their concept counts fully.</summary>
public readonly record struct WeightedTerm(string Term, float Weight);

/// <summary>What the chain made of a text: the terms for lexical search and the cleaned text for embedders.</summary>
public sealed record AnalyzedText(
    string CleanText,
    IReadOnlyList<WeightedTerm> Terms,
    IReadOnlyList<string> Stems,
    IReadOnlyList<string> Corrections)
{
    public static AnalyzedText Empty { get; } = new(string.Empty, [], [], []);

    public bool IsEmpty => Terms.Count == 0;
}
