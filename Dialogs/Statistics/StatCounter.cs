namespace Assistant.Dialogs.Statistics;

/// <summary>One counter of the daily aggregates: a metric ("conversations", "rating", "transfers"…), a key within it, and how much to add.</summary>
public readonly record struct StatCounter(string Metric, string Key, long Delta = 1);

/// <summary>A counter summed over the days, channels and segments a dashboard asked for.</summary>
public sealed record StatTotal(string Metric, string Key, long Value);

/// <summary>What a dashboard filters by; null channel or segment: all of them. Days are UTC dates, both ends included.</summary>
public sealed record StatFilter(DateOnly From, DateOnly To, string? Channel = null, string? Segment = null);
