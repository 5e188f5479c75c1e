namespace Assistant.Dialogs.Activities;

/// <summary>A message to the person, already in the transcript at <paramref name="Sequence"/>.</summary>
/// <param name="From">"bot", "operator" or "system" (see <see cref="Authors"/>).</param>
/// <param name="Text">Plain text with light markdown (links, emphasis) as the KB writes it.</param>
public sealed record OutgoingMessage(
    string ConversationId,
    long Sequence,
    string From,
    MessageKind Kind,
    string Text,
    IReadOnlyList<QuickReply> Buttons,
    string? SourceUrl,
    DateTimeOffset Timestamp);
