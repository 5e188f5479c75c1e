namespace Assistant.Channels.Incoming;

/// <summary>
/// How long a received message keeps being tried while the engine fails (section "Channels:IncomingRetry"). The messenger was
/// already told the message arrived, so giving up loses it: the window should outlast a store's restart or failover.
/// </summary>
public sealed class IncomingRetryOptions
{
    public const string Section = "Channels:IncomingRetry";

    /// <summary>After this long since the first try, the message is given up (and logged as failed).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The delay doubles after each failure up to this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
