using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

public sealed record KbValidationResult(KnowledgeBase? KnowledgeBase, IReadOnlyList<KbError> Errors)
{
    public bool IsValid => Errors.Count == 0 && KnowledgeBase is not null;

    /// <summary>Refused because the article changed since the caller read it (someone else saved it in between).</summary>
    public bool Conflict { get; init; }

    public static KbValidationResult Failed(params KbError[] errors) => new(null, errors);

    /// <summary>A save refused because the article is no longer the version the caller read.</summary>
    public static KbValidationResult Changed(int now, int expected) =>
        Failed(new KbError("articles", "version", $"the article is version {now} now, not {expected}: it was changed since it was opened")) with { Conflict = true };
}
