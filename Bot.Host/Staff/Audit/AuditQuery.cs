using System.Globalization;

namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>
/// One read of the audit log: who, which conversation, which days (inclusive, in the server's time zone, as the page shows
/// times), and where the previous page ended (<see cref="Before"/>: the id of its last line). <see cref="Limit"/> bounds the read.
/// </summary>
public sealed record AuditQuery(string? Actor, string? ConversationId, DateOnly? From, DateOnly? To, long? Before, int Limit)
{
    /// <summary>The most lines one read returns, whatever a caller asks for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>
    /// The filter as it is stored in the "audit-read" line: codes, not words, like every other audit detail (the page says it in
    /// Russian). The conversation has its own column. Null when nothing narrowed the read.
    /// </summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            parts.Add("actor " + Actor.Trim());
        }

        if (From is { } from)
        {
            parts.Add("from " + Day(from));
        }

        if (To is { } to)
        {
            parts.Add("to " + Day(to));
        }

        if (Before is { } before)
        {
            parts.Add("before " + before.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>A yyyy-MM-dd day, as forms and the API send them; an empty value is no day; anything else is a mistake (false).</summary>
    public static bool TryParseDay(string? value, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        // Days the log can hold: a year 1 or 9999 would overflow the time arithmetic of the read.
        if (!IsPlausible(parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }

    /// <summary>A day between 2000 and 2100: what a log, a dashboard or a period of conversations can be about.</summary>
    public static bool IsPlausible(DateOnly day) => day.Year is >= 2000 and <= 2100;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
