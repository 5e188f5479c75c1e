namespace Assistant.Bot.Host.Operators;

/// <summary>A reply; <see cref="ArticleId"/> names the KB article it was built from, when the operator used one.</summary>
public sealed record OperatorReplyBody(string? Text, string? ArticleId = null);

public sealed record OperatorTransferBody(string? ToGroup);

/// <summary>A flag from Dialogs:PersonalManagers:Flags; <see cref="On"/> false clears it.</summary>
public sealed record OperatorFlagBody(string? Flag, bool? On = true);

public sealed record OperatorPresenceBody(bool Online);
