namespace Assistant.Dialogs.Handoff;

/// <summary>When operators work. Outside these hours a written request is offered instead of the queue. Default: always open.</summary>
public sealed class OperatorHoursOptions
{
    /// <summary>IANA or Windows time zone id of the hours below.</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>How the time zone is named to citizens ("МСК").</summary>
    public string TimeZoneLabel { get; set; } = "МСК";

    /// <summary>Working days; empty means every day.</summary>
    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>Start of the working day, local time.</summary>
    public TimeSpan From { get; set; } = TimeSpan.Zero;

    /// <summary>End of the working day, local time; 1.00:00:00 means midnight at the end of the day.</summary>
    public TimeSpan To { get; set; } = TimeSpan.FromDays(1);
}
