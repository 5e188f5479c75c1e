using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Operators;

/// <summary>The outcome of an operator action: the conversation after it, or the reason it was refused with a message for the operator.</summary>
public sealed record DeskResult(DeskError? Error, string? Message, Conversation? Conversation)
{
    public bool Succeeded => Error is null;

    internal static DeskResult Done(Conversation conversation) => new(null, null, conversation);

    internal static DeskResult Refused(DeskError error, string message, Conversation? conversation = null) => new(error, message, conversation);
}
