namespace Assistant.Bot.Host.Tests.Support;

/// <summary>
/// The system clock moved forward by whatever a test says: the app reads "now" from it (waiting times, deadlines, retention),
/// while its timers keep real time, so a page's own refresh and the background services still run as usual.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>The real app reading the time from a <see cref="ShiftedClock"/> the test moves; settings as a subclass gives them.</summary>
public class ClockedApp : RunningApp
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureHost(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(builder.Services, Clock);
}
