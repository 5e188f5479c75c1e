using System.ComponentModel.DataAnnotations;

namespace Assistant.Dialogs.Throttling;

/// <summary>Per-person token bucket: a burst of <see cref="BurstSize"/> messages, then <see cref="MessagesPerMinute"/>.</summary>
public sealed class RateLimitOptions
{
    [Range(1, 10_000)]
    public int BurstSize { get; set; } = 10;

    [Range(0.1, 100_000)]
    public double MessagesPerMinute { get; set; } = 30;
}
