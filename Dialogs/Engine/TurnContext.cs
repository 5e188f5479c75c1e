using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Privacy;

namespace Assistant.Dialogs.Engine;

/// <summary>One turn on its way through the pipeline: the activity, the conversation, the replies and the services.</summary>
public sealed class TurnContext
{
    private ConversationSession? _session;

    internal TurnContext(Activity activity, DialogServices services)
    {
        Activity = activity;
        Services = services;
    }

    /// <summary>The activity; after the masking middleware its text is cleaned and masked.</summary>
    public Activity Activity { get; internal set; }

    public DialogServices Services { get; }

    public bool HasConversation => _session is not null;

    /// <summary>The conversation, loaded and locked by the conversation middleware.</summary>
    public Conversation Conversation
    {
        get => Session.Conversation;
        set => Session.Conversation = value;
    }

    /// <summary>Messages delivered by this turn (filled when the turn commits).</summary>
    public IReadOnlyList<OutgoingMessage> Replies => _session?.Delivered ?? [];

    public TurnOutcome Outcome { get; set; } = TurnOutcome.Processed;

    /// <summary>The message was longer than the limit and was cut.</summary>
    public bool IsOversized { get; internal set; }

    /// <summary>The emergency or crisis numbers were said this turn (they are not said twice).</summary>
    public bool UrgentNoticeSaid { get; internal set; }

    /// <summary>Kinds of personal data masked in the text.</summary>
    public IReadOnlyList<PersonalDataKind> MaskedKinds { get; internal set; } = [];

    /// <summary>The cleaned text before masking: only for taking a contact the person gave on purpose; never stored or logged.</summary>
    internal string UnmaskedText { get; set; } = string.Empty;

    internal ConversationSession Session
    {
        get => _session ?? throw new InvalidOperationException("The conversation is loaded by the conversation middleware; this step runs before it.");
        set => _session = value;
    }

    /// <summary>Queues a message to the citizen; it is stored and delivered when the turn commits.</summary>
    public void Reply(MessageKind kind, string text, IReadOnlyList<QuickReply>? buttons = null, string? sourceUrl = null) =>
        Session.Say(kind, text, buttons, sourceUrl);
}
