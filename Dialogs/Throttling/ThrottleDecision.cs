namespace Assistant.Dialogs.Throttling;

/// <summary>What the limiter says about one message.</summary>
public enum ThrottleDecision
{
    Allowed,

    /// <summary>Over the limit, and the person has not been told yet in this streak: tell them once.</summary>
    ThrottledFirst,

    /// <summary>Over the limit and already told: drop quietly.</summary>
    Throttled,
}
