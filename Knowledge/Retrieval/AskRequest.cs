namespace Assistant.Knowledge.Retrieval;

/// <param name="Text">The person's message as written.</param>
/// <param name="Segment">citizen / business / medic; when given, only articles for that segment are considered.</param>
/// <param name="LifeSituation">Restricts the search to one life situation.</param>
/// <param name="Context">The conversation so far, for a message that may continue it (see <see cref="ContextDecider"/>).</param>
public sealed record AskRequest(string? Text, string? Segment = null, string? LifeSituation = null, AskContext? Context = null);
