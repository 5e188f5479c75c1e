namespace Assistant.Dialogs.Retention;

/// <summary>The kinds of records holding personal data, each with its own retention period (section "Retention").</summary>
public enum RecordKind
{
    /// <summary>Transcript lines, and finished conversations' state (their last question and context).</summary>
    Transcripts,

    /// <summary>Written requests with their text and contact, and the desk's work on them.</summary>
    WrittenRequests,

    /// <summary>Ratings with their comments.</summary>
    Ratings,

    /// <summary>The moderators' inbox of questions not answered well.</summary>
    Unanswered,

    /// <summary>Messenger messages kept until processed (normally gone within seconds).</summary>
    ReceivedMessages,
}
