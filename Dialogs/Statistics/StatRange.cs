namespace Assistant.Dialogs.Statistics;

/// <summary>
/// A dashboard period split for the aggregates: whole calendar months are read from the monthly table, the days before the
/// first and after the last whole month from the daily one. A year is then 12 monthly sums instead of 365 daily ones.
/// </summary>
public sealed record StatRange(IReadOnlyList<(DateOnly From, DateOnly To)> DayRanges, DateOnly? FirstMonth, DateOnly? LastMonth)
{
    public static StatRange Of(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return new StatRange([], null, null);
        }

        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastWholeEnd = to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        if (firstWhole > lastWholeEnd)
        {
            return new StatRange([(from, to)], null, null);
        }

        var days = new List<(DateOnly, DateOnly)>();
        if (from < firstWhole)
        {
            days.Add((from, firstWhole.AddDays(-1)));
        }

        if (lastWholeEnd < to)
        {
            days.Add((lastWholeEnd.AddDays(1), to));
        }

        return new StatRange(days, firstWhole, new DateOnly(lastWholeEnd.Year, lastWholeEnd.Month, 1));
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
