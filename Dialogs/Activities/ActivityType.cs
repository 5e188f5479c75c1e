namespace Assistant.Dialogs.Activities;

/// <summary>What a channel delivered: a message, a quick-reply press, a rating, a typing signal or a conversation update (chat opened).</summary>
public enum ActivityType
{
    Message,
    Button,
    Rating,
    Typing,
    ConversationUpdate,
}
