namespace Assistant.Knowledge.Model;

/// <summary>A "жизненная ситуация": the top-level grouping of the KB.</summary>
public sealed record LifeSituation(string Id, string Title);
