using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Stores;

/// <summary>
/// Conversation state, with optimistic concurrency. A person has a current conversation (the latest for their key); finished
/// ones stay readable by id. Fits a key-value store: a record per id, a pointer per key, a set per state.
/// </summary>
public interface IConversationStore
{
    /// <summary>The current conversation for <paramref name="key"/>; when there is none, <paramref name="create"/>'s is inserted and returned.</summary>
    Task<Conversation> GetOrCreateAsync(ConversationKey key, Func<Conversation> create, CancellationToken cancellationToken);

    /// <summary>The current (latest) conversation for <paramref name="key"/>.</summary>
    Task<Conversation?> GetAsync(ConversationKey key, CancellationToken cancellationToken);

    Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="conversation"/> if the stored version is still <paramref name="expectedVersion"/> (0: must not exist yet,
    /// and it becomes the key's current conversation). False on a mismatch: someone else saved first.
    /// </summary>
    Task<bool> SaveAsync(Conversation conversation, long expectedVersion, CancellationToken cancellationToken);

    Task<IReadOnlyList<Conversation>> ListByStateAsync(ConversationState state, CancellationToken cancellationToken);

    /// <summary>Conversations waiting for an operator of <paramref name="group"/> (names compare without case), longest-waiting first.</summary>
    Task<IReadOnlyList<Conversation>> ListQueueAsync(string group, CancellationToken cancellationToken);

    /// <summary>How many conversations wait for <paramref name="group"/>. Asked on every handoff, so it counts without reading them.</summary>
    Task<int> CountQueueAsync(string group, CancellationToken cancellationToken);

    /// <summary>Conversations in <paramref name="state"/> whose last activity is before <paramref name="before"/>: the inactivity sweep reads only these.</summary>
    Task<IReadOnlyList<Conversation>> ListIdleAsync(ConversationState state, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes the person's conversation state (a data subject's erasure); returns how many conversations went.</summary>
    Task<int> ForgetAsync(ConversationKey person, CancellationToken cancellationToken);
}
