using System.Globalization;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Handoff;

/// <summary>Whether operators work at a moment, and how their hours and dates read to a citizen, in the configured time zone.</summary>
public sealed class OperatorHours(OperatorHoursOptions options, BotPhrases phrases)
{
    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var time = local.TimeOfDay;
        return (options.Days.Count == 0 || options.Days.Contains(local.DayOfWeek)) && time >= options.From && time < options.To;
    }

    /// <summary>"пн–пт, 09:00–18:00 (МСК)".</summary>
    public string Describe() => BotPhrases.Fill(phrases.Hours,
        ("days", Days()), ("from", Clock(options.From)), ("to", Clock(options.To)), ("zone", options.TimeZoneLabel));

    /// <summary>A date as citizens read it, in the operators' time zone: "24.12.2025".</summary>
    public string FormatDate(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, _zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private string Days()
    {
        var days = MondayFirst.Where(d => options.Days.Count == 0 || options.Days.Contains(d)).ToList();
        if (days.Count == 7)
        {
            return phrases.EveryDay;
        }

        var first = Array.IndexOf(MondayFirst, days[0]);
        var contiguous = days.Count > 2 && days.Select((d, i) => Array.IndexOf(MondayFirst, d) == first + i).All(x => x);
        return contiguous
            ? phrases.DayNames[(int)days[0]] + "–" + phrases.DayNames[(int)days[^1]]
            : string.Join(", ", days.Select(d => phrases.DayNames[(int)d]));
    }

    private static string Clock(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");
}
