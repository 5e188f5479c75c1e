using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Stores;

/// <summary>
/// Which conversations belong to which person (channel and user id), kept with the durable records: transcripts, requests and
/// ratings name only their conversation, and a shared conversation store remembers only a person's current one. A person's
/// data export and erasure start here.
/// </summary>
public interface IPersonIndex
{
    /// <summary>Notes that <paramref name="conversationId"/> is <paramref name="person"/>'s (again is harmless).</summary>
    Task RecordAsync(string conversationId, ConversationKey person, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ConversationsOfAsync(ConversationKey person, CancellationToken cancellationToken);
}
