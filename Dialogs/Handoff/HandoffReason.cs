namespace Assistant.Dialogs.Handoff;

/// <summary>Why the bot hands a conversation to a person; the citizen is told.</summary>
public enum HandoffReason
{
    Requested,
    NotHelped,
    Fallbacks,
    Sensitive,
}
