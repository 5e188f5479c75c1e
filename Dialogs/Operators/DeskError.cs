namespace Assistant.Dialogs.Operators;

/// <summary>Why an operator action was not done; expected cases, not exceptions.</summary>
public enum DeskError
{
    /// <summary>No conversation with that id.</summary>
    NotFound,

    /// <summary>Another operator owns the conversation.</summary>
    NotYours,

    /// <summary>The conversation is not in a state that allows the action (not waiting, not with an operator, already closed).</summary>
    WrongState,

    /// <summary>The conversation has had the allowed number of transfers; the operator keeps it.</summary>
    TransferLimit,

    /// <summary>A reply without text.</summary>
    EmptyText,

    /// <summary>A reply longer than a citizen's message may be (Dialogs:MaxMessageLength).</summary>
    TooLong,

    /// <summary>A transfer without a target group.</summary>
    NoGroup,

    /// <summary>The conversation waits in a group the operator is not a member of.</summary>
    NotYourGroup,

    /// <summary>The operator already has as many conversations as allowed at once.</summary>
    AtCapacity,

    /// <summary>A transfer to a group no staff member belongs to: nobody would ever see the citizen in its queue.</summary>
    UnknownGroup,
}
