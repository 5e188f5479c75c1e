namespace Assistant.Dialogs.Activities;

/// <summary>A button under a message; pressing it comes back as a <see cref="ActivityType.Button"/> activity with the payload.</summary>
public sealed record QuickReply(string Title, string Payload);
