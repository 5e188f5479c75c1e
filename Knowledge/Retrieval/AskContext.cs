namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// What the conversation was about, for a follow-up: the question (or questions) that led to the last answer, that answer's
/// article and its life situation.
/// </summary>
public sealed record AskContext(string Question, string? ArticleId, string? LifeSituation);
