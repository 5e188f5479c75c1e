namespace Assistant.Bot.Host.Operators;

/// <summary>A reply; <see cref="ArticleId"/> names the KB article it was built from, when the operator used one.</summary>
public sealed record OperatorReplyBody(string? Text, string? ArticleId = null);

public sealed record OperatorTransferBody(string? ToGroup);
