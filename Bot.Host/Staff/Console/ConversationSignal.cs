namespace Assistant.Bot.Host.Staff.Console;

/// <summary>A conversation changed: enough for a console to know whether to reload (never message text).</summary>
public sealed record ConversationSignal(string ConversationId, string? Group, string State, string? OperatorId);
