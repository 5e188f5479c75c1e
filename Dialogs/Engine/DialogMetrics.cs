using System.Diagnostics.Metrics;
using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// The engine's metrics (meter <see cref="MeterName"/>): turns by channel and what the bot did, handovers, transfers between
/// groups, and how long citizens waited in a queue. The host exports them (Prometheus names in docs/operations.md).
/// </summary>
public static class DialogMetrics
{
    public const string MeterName = "Assistant.Dialogs";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("assistant.turns", description: "Processed turns, by channel and by what the bot did");

    private static readonly Counter<long> Handovers = Meter.CreateCounter<long>("assistant.handovers", description: "Conversations handed to a person, by channel and reason");

    private static readonly Counter<long> Transfers = Meter.CreateCounter<long>("assistant.transfers", description: "Transfers from one operators' group to another, by target group");

    private static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("assistant.queue.wait", unit: "s",
        description: "How long a citizen waited in a group's queue before an operator accepted",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 600, 1800, 3600] });

    internal static void Turn(string channel, IReadOnlyList<OutgoingMessage> replies) =>
        Turns.Add(1, new("channel", channel), new("decision", DecisionOf(replies)));

    internal static void HandedOver(string channel, string reason) => Handovers.Add(1, new("channel", channel), new("reason", reason));

    internal static void Transferred(string group) => Transfers.Add(1, new KeyValuePair<string, object?>("group", group));

    internal static void Accepted(string group, TimeSpan waited) => QueueWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("group", group));

    /// <summary>What the bot did in a turn, read from what it said: an answer outweighs the greeting before it.</summary>
    private static string DecisionOf(IReadOnlyList<OutgoingMessage> replies)
    {
        MessageKind[] order = [MessageKind.Answer, MessageKind.Clarify, MessageKind.HandoffNotice, MessageKind.Fallback, MessageKind.SmallTalk,
            MessageKind.RequestAcknowledged, MessageKind.RatingThanks, MessageKind.Greeting];
        foreach (var kind in order)
        {
            if (replies.Any(r => r.Kind == kind))
            {
                return kind switch
                {
                    MessageKind.HandoffNotice => "handoff",
                    MessageKind.SmallTalk => "smalltalk",
                    MessageKind.RequestAcknowledged => "request",
                    MessageKind.RatingThanks => "rating",
                    _ => kind.ToString().ToLowerInvariant(),
                };
            }
        }

        return replies.Count == 0 ? "none" : "other";
    }
}
