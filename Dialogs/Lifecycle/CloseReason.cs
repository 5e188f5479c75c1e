namespace Assistant.Dialogs.Lifecycle;

/// <summary>Who or what closed a conversation.</summary>
public enum CloseReason
{
    Citizen,
    Operator,
    Inactivity,
}
