namespace Assistant.Dialogs.Requests;

public enum RequestDeskError
{
    NotFound,
    NotYours,
    WrongState,
    EmptyText,

    /// <summary>An answer or a close reason over the desk's limit (<see cref="RequestDesk.MaxAnswerLength"/>, <see cref="RequestDesk.MaxReasonLength"/>).</summary>
    TooLong,

    /// <summary>Closing a request nobody has taken into work, or one without an answer and with no reason given.</summary>
    NotTaken,
    NoAnswer,

    /// <summary>Someone else changed the request between reading and saving.</summary>
    Changed,
}

/// <summary>The outcome of a requests-desk action: the request after it, or why not with a message for the staff member.</summary>
public sealed record RequestDeskResult(RequestDeskError? Error, string? Message, DeskRequest? Request)
{
    public bool Succeeded => Error is null;
}
