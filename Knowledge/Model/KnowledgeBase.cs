namespace Assistant.Knowledge.Model;

/// <summary>A whole KB as imported or exported: life situations, articles and the KB's own synonyms.</summary>
public sealed record KnowledgeBase
{
    public IReadOnlyList<LifeSituation> LifeSituations { get; init; } = [];
    public IReadOnlyList<Article> Articles { get; init; } = [];
    public IReadOnlyList<IReadOnlyList<string>> Synonyms { get; init; } = [];

    public static KnowledgeBase Empty { get; } = new();
}
