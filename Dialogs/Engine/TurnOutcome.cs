namespace Assistant.Dialogs.Engine;

/// <summary>What became of an activity.</summary>
public enum TurnOutcome
{
    Processed,

    /// <summary>A second delivery of a channel message already processed.</summary>
    Duplicate,

    /// <summary>Over the person's rate limit; told once, then dropped.</summary>
    Throttled,

    /// <summary>Nothing to do: typing, a late rating, a button that no longer applies.</summary>
    Ignored,
}
