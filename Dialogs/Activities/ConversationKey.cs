namespace Assistant.Dialogs.Activities;

/// <summary>Who the conversation is with: one person in one channel. Successive conversations of that person share the key.</summary>
public sealed record ConversationKey(string Channel, string UserId)
{
    public override string ToString() => $"{Channel}:{UserId}";
}
