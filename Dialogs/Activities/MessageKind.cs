namespace Assistant.Dialogs.Activities;

/// <summary>What an outgoing message is for, so a channel can render it (a rating prompt as stars, an answer with its source).</summary>
public enum MessageKind
{
    Greeting,
    Answer,
    Clarify,
    Fallback,
    Notice,
    HandoffNotice,
    OperatorMessage,
    RequestAcknowledged,
    RatingPrompt,
    RatingThanks,

    /// <summary>A short reply to small talk (thanks, «кто ты?», «ок»), made without searching the KB.</summary>
    SmallTalk,
}
