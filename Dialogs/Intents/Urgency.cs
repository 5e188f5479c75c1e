namespace Assistant.Dialogs.Intents;

/// <summary>A message that says someone may be in danger now: it hears the numbers that help before anything else.</summary>
public enum Urgency
{
    /// <summary>An acute medical emergency (someone does not breathe, is unconscious, bleeds, has a heart attack): 103 or 112.</summary>
    Emergency,

    /// <summary>Thoughts of suicide or self-harm: 112 and a helpline.</summary>
    Crisis,
}
