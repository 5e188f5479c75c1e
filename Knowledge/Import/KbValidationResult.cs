using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

public sealed record KbValidationResult(KnowledgeBase? KnowledgeBase, IReadOnlyList<KbError> Errors)
{
    public bool IsValid => Errors.Count == 0 && KnowledgeBase is not null;

    public static KbValidationResult Failed(params KbError[] errors) => new(null, errors);
}
