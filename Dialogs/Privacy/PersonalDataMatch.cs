namespace Assistant.Dialogs.Privacy;

/// <summary>One piece of personal data found in a text, as written.</summary>
public sealed record PersonalDataMatch(PersonalDataKind Kind, string Value);
