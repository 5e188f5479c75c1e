namespace Assistant.Dialogs.Privacy;

/// <summary>A text with its personal data replaced by tokens such as [СНИЛС], and the kinds that were found.</summary>
public sealed record MaskedText(string Text, IReadOnlyList<PersonalDataKind> Found)
{
    public bool HasPersonalData => Found.Count > 0;
}
