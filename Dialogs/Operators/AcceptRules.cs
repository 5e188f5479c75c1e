namespace Assistant.Dialogs.Operators;

/// <summary>
/// What an operator may accept: conversations waiting in one of <see cref="Groups"/> (null: any group, e.g. a supervisor), and
/// at most <see cref="Capacity"/> conversations at once (null: no limit).
/// </summary>
public sealed record AcceptRules(IReadOnlyCollection<string>? Groups, int? Capacity)
{
    public static readonly AcceptRules None = new(null, null);
}
