namespace Assistant.Dialogs.Requests;

/// <summary>Where a written request is on the desk. "Overdue" is not stored: it is a request past its deadline and not yet answered.</summary>
public enum RequestStatus
{
    New,
    InWork,
    Answered,
    Closed,
}
