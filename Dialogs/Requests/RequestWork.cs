namespace Assistant.Dialogs.Requests;

/// <summary>The desk's record of a written request: its status, who has it, the answer given.</summary>
public sealed record RequestWork
{
    public RequestStatus Status { get; init; } = RequestStatus.New;

    /// <summary>The staff login working on it.</summary>
    public string? Assignee { get; init; }

    public string? Answer { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>True when the answer was delivered to the citizen's channel (else it is sent to the contact by other means).</summary>
    public bool AnswerDelivered { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Why a request was closed without an answer (a duplicate, withdrawn by the citizen…); null for an answered one.</summary>
    public string? CloseReason { get; init; }
}
