using System.Diagnostics.Metrics;

namespace Assistant.Channels;

/// <summary>
/// The channels' metrics (meter <see cref="MeterName"/>): messenger calls retried and messages that could not be delivered,
/// and citizens' messages kept until processed.
/// </summary>
public static class ChannelMetrics
{
    public const string MeterName = "Assistant.Channels";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("assistant.channel.send.retries", description: "Messenger API calls retried after a transient failure, by channel");

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("assistant.channel.send.failures", description: "Messages the messenger refused or that were given up, by channel");

    private static readonly Counter<long> Kept = Meter.CreateCounter<long>("assistant.received.kept", description: "Citizens' messages kept until processed, by channel and result (kept, duplicate, not_kept)");

    internal static void Retried(string channel) => Retries.Add(1, new KeyValuePair<string, object?>("channel", channel));

    internal static void Failed(string channel) => Failures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    internal static void Received(string channel, string result) => Kept.Add(1, new("channel", channel), new("result", result));
}
