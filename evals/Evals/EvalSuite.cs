namespace Assistant.Evals;

/// <summary>
/// Every committed question set with its KB, as <c>eval --suite</c> runs them: the dense KBs, the same KBs cut to 2 phrasings per
/// article (as sparse as a real ministry FAQ), and the long messages. Paths are relative to the datasets folder, the seed KB's to
/// the repository.
/// </summary>
public static class EvalSuite
{
    public sealed record Set(string Name, string Kb, string Questions, int? Phrasings = null);

    public const string SeedKb = "../../Knowledge/Seed/seed-kb.json";
    public const string HoldoutKb = "holdout/kb.json";

    public static readonly IReadOnlyList<Set> Sets =
    [
        new("dev", SeedKb, "dev/questions.jsonl"),
        new("dev, 2 phrasings", SeedKb, "dev/questions.jsonl", 2),
        new("long", SeedKb, "long/questions.jsonl"),
        new("long, 2 phrasings", SeedKb, "long/questions.jsonl", 2),
        new("holdout", HoldoutKb, "holdout/questions.jsonl"),
        new("holdout, 2 phrasings", HoldoutKb, "holdout/questions.jsonl", 2),
        new("holdout long", HoldoutKb, "holdout/long.jsonl"),
        new("holdout long, 2 phr.", HoldoutKb, "holdout/long.jsonl", 2),
    ];

    /// <summary>The curation protocol runs on these (KB, question set) pairs.</summary>
    public static readonly IReadOnlyList<Set> Curation =
    [
        new("seed KB, dev questions", SeedKb, "dev/questions.jsonl"),
        new("holdout KB, holdout questions", HoldoutKb, "holdout/questions.jsonl"),
    ];
}
