namespace Assistant.Knowledge.Model;

/// <summary>
/// Where an answer comes from (law, order, service page), shown to the citizen; <see cref="Date"/> is the date of the document or
/// of the last check, when known (moderators see undated sources as a warning).
/// </summary>
public sealed record ArticleSource(string Title, string Url, DateOnly? Date = null);
