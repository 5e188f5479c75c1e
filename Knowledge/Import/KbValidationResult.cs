using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

public sealed record KbValidationResult(KnowledgeBase? KnowledgeBase, IReadOnlyList<KbError> Errors)
{
    public bool IsValid => Errors.Count == 0 && KnowledgeBase is not null;

    /// <summary>Refused because the article changed since the caller read it (someone else saved it in between).</summary>
    public bool Conflict { get; init; }

    public static KbValidationResult Failed(params KbError[] errors) => new(null, errors);
}
