using Assistant.Dialogs.Statistics;

namespace Assistant.Bot.Host.Staff.Dashboards;

/// <summary>A part of the whole, with its percentage (0 when the whole is 0).</summary>
public sealed record Share(long Count, long Of)
{
    public double Percent => Of == 0 ? 0 : 100.0 * Count / Of;
}

/// <summary>A row of a CSAT table: one article, life situation, channel, operator or segment.</summary>
public sealed record CsatRow(string Key, string Title, long Count, double Mean, IReadOnlyList<long> Distribution);

public sealed record CsatTable(string Dimension, string Title, IReadOnlyList<CsatRow> Rows);

/// <summary>p50 and p90 of a time, as the upper bound of the histogram bucket they fall in; null when nothing was measured.</summary>
public sealed record TimeFigure(string Name, long Count, int? P50Seconds, int? P90Seconds, long Never);

/// <summary>Written requests of the period; <paramref name="ClosedUnanswered"/> were closed with a reason instead of an answer.</summary>
public sealed record RequestFigures(int Filed, int AnsweredInTime, int AnsweredLate, int OpenOverdue, int OpenInTime, int ClosedUnanswered);

public sealed record TransferCount(string Transfers, long Count);

public sealed record UnansweredFigure(string Example, int Count);

/// <summary>
/// Everything the supervisors' dashboard shows for one filter. <paramref name="TopUnansweredAt"/>: when the inbox grouping
/// behind <paramref name="TopUnanswered"/> was made (null: none yet, one is being made).
/// </summary>
public sealed record DashboardModel(
    StatFilter Filter,
    long Conversations,
    Share BotAlone,
    Share WithFallback,
    Share HandedOver,
    IReadOnlyList<TransferCount> Transfers,
    IReadOnlyList<TimeFigure> Times,
    IReadOnlyList<CsatTable> Csat,
    RequestFigures Requests,
    IReadOnlyList<UnansweredFigure> TopUnanswered,
    DateTimeOffset? TopUnansweredAt = null);
