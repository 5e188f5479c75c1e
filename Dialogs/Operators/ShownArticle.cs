namespace Assistant.Dialogs.Operators;

/// <summary>A KB article the citizen has already been shown, so the operator does not repeat it.</summary>
public sealed record ShownArticle(string Id, string Title);
