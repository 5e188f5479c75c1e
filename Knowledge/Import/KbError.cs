namespace Assistant.Knowledge.Import;

/// <summary>One problem in an imported file: where (JSON path or "line N"), which field, and what is wrong, in words a moderator can act on.</summary>
public sealed record KbError(string Position, string Field, string Message)
{
    public override string ToString() => $"{Position}: {Field}: {Message}";
}
