namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>One line of the append-only audit log: who did what, when, to which conversation or request.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The staff login, or "anonymous" for a failed sign-in (then <see cref="Details"/> names the login tried).</summary>
    public required string Actor { get; set; }

    /// <summary>sign-in, sign-in-failed, sign-out, queue, transcript, accept, reply, transfer, close, request-open, …</summary>
    public required string Action { get; set; }

    public string? ConversationId { get; set; }

    public string? RequestNumber { get; set; }

    /// <summary>What else matters: the target group of a transfer, the KB article a reply was built from. Never message text.</summary>
    public string? Details { get; set; }
}
