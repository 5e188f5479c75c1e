namespace Assistant.Bot.Host.Operators;

public sealed record OperatorIdentity(string? OperatorId);

public sealed record OperatorReplyBody(string? OperatorId, string? Text);

public sealed record OperatorTransferBody(string? OperatorId, string? ToGroup);
