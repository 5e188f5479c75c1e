namespace Assistant.Bot.Host.Staff.Console;

/// <summary>A KB article offered to the operator as a ready answer (the concept's script for a typical request).</summary>
public sealed record ArticleTemplate(string ArticleId, string Title, string LifeSituation, string Answer);
