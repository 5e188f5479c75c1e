using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Tests.Handoff;

public sealed class OperatorHoursTests
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    private static OperatorHours Weekdays() => new(new OperatorHoursOptions
    {
        Days = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        From = TimeSpan.FromHours(9),
        To = TimeSpan.FromHours(18),
    }, BotPhrases.Load());

    [Theory]
    [InlineData(2025, 3, 4, 9, 0, true)]
    [InlineData(2025, 3, 4, 17, 59, true)]
    [InlineData(2025, 3, 4, 18, 0, false)]
    [InlineData(2025, 3, 4, 8, 59, false)]
    [InlineData(2025, 3, 8, 12, 0, false)]
    [InlineData(2025, 3, 10, 12, 0, true)]
    public void Hours_are_read_in_the_configured_time_zone(int year, int month, int day, int hour, int minute, bool open)
    {
        var moscowTime = new DateTimeOffset(year, month, day, hour, minute, 0, Moscow);
        Assert.Equal(open, Weekdays().IsOpen(moscowTime));
        Assert.Equal(open, Weekdays().IsOpen(moscowTime.ToUniversalTime()));
    }

    [Fact]
    public void Hours_are_described_to_citizens_in_short()
    {
        Assert.Equal("пн–пт, 09:00–18:00 (МСК)", Weekdays().Describe());
        var defaults = new OperatorHours(new OperatorHoursOptions(), BotPhrases.Load());
        Assert.Equal("ежедневно, 00:00–24:00 (МСК)", defaults.Describe());
        Assert.True(defaults.IsOpen(new DateTimeOffset(2025, 3, 9, 3, 0, 0, Moscow)));
    }

    [Fact]
    public void Dates_are_written_as_citizens_read_them_in_the_operators_time_zone() =>
        Assert.Equal("05.03.2025", Weekdays().FormatDate(new DateTimeOffset(2025, 3, 4, 22, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Bad_hours_and_an_unknown_time_zone_are_reported_at_start()
    {
        var options = new DialogOptions();
        options.Hours.TimeZone = "Mars/Olympus";
        options.Hours.From = TimeSpan.FromHours(19);
        options.Hours.To = TimeSpan.FromHours(9);
        options.Handoff.MaxTransfers = 0;
        var errors = DialogOptionsValidator.Errors(options).ToList();
        Assert.Contains(errors, e => e.Contains("Mars/Olympus"));
        Assert.Contains(errors, e => e.Contains("From must be before To"));
        Assert.Contains(errors, e => e.Contains("MaxTransfers"));
        Assert.Empty(DialogOptionsValidator.Errors(new DialogOptions()));
    }
}
