namespace Assistant.Knowledge.Model;

/// <summary>Where an answer comes from (law, order, service page), shown to the citizen.</summary>
public sealed record ArticleSource(string Title, string Url);
