using System.ComponentModel.DataAnnotations;

namespace Assistant.Dialogs.Retention;

/// <summary>
/// How long each kind of record is kept (section "Retention"; 152-FZ: personal data no longer than its purpose needs). The
/// staff audit log has its own setting, Staff:AuditRetention.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Citizens' written requests are answered within 30 days and kept for the appeals that may follow.</summary>
    public TimeSpan WrittenRequests { get; set; } = TimeSpan.FromDays(5 * 365);

    public TimeSpan Ratings { get; set; } = TimeSpan.FromDays(365);

    public TimeSpan Unanswered { get; set; } = TimeSpan.FromDays(180);

    public TimeSpan ReceivedMessages { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the background purge runs.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Rows deleted per statement: each statement holds the write lock only briefly, so turns go on meanwhile.</summary>
    [Range(100, 100_000)]
    public int BatchSize { get; set; } = 2000;

    public TimeSpan PeriodOf(RecordKind kind) => kind switch
    {
        RecordKind.Transcripts => Transcripts,
        RecordKind.WrittenRequests => WrittenRequests,
        RecordKind.Ratings => Ratings,
        RecordKind.Unanswered => Unanswered,
        _ => ReceivedMessages,
    };

    public IEnumerable<string> Errors()
    {
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            if (PeriodOf(kind) < TimeSpan.FromHours(1))
            {
                yield return $"Retention:{kind} must be at least one hour.";
            }
        }

        if (Every < TimeSpan.FromMinutes(1))
        {
            yield return "Retention:Every must be at least one minute.";
        }
    }
}
