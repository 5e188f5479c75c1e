using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Stores;

/// <summary>One line of a transcript: what the citizen wrote (masked) or what the bot, an operator or the system said.</summary>
public sealed record TranscriptEntry
{
    public required string ConversationId { get; init; }

    public long Sequence { get; init; }

    /// <summary>"citizen", "bot", "operator" or "system" (see <see cref="Authors"/>).</summary>
    public required string From { get; init; }

    /// <summary>The kind of an outgoing message; null for what the citizen wrote.</summary>
    public MessageKind? Kind { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<QuickReply> Buttons { get; init; } = [];

    public string? SourceUrl { get; init; }

    /// <summary>The operator who wrote an operator message.</summary>
    public string? OperatorId { get; init; }

    /// <summary>The KB article an operator's reply was built from («Вставить» in the console), kept with the reply.</summary>
    public string? ArticleId { get; init; }

    public DateTimeOffset Timestamp { get; init; }
}
