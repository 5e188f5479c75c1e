namespace Assistant.Dialogs.Requests;

/// <summary>A written request (обращение) filed from the chat, acknowledged at once with its number and answer deadline.</summary>
public sealed record WrittenRequest
{
    /// <summary>The number told to the citizen, e.g. "МЗ-000123".</summary>
    public required string Number { get; init; }

    public required string ConversationId { get; init; }

    public required string Channel { get; init; }

    /// <summary>The question, with personal data masked.</summary>
    public required string Text { get; init; }

    /// <summary>The e-mail or phone number the citizen gave for the answer, as given (personal data, kept for the answer only).</summary>
    public required string Contact { get; init; }

    public string? LifeSituation { get; init; }

    public IReadOnlyList<string> ArticleIds { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The answer deadline (59-FZ: 30 days by default).</summary>
    public DateTimeOffset DueAt { get; init; }
}
