using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Locking;

/// <summary>
/// Serialises everything done to the conversations of one person (citizen turns, operator actions, inactivity closing).
/// Locked by <see cref="ConversationKey"/> rather than conversation id, so the turn that retires a finished conversation and
/// starts the next one holds a single lock. In process here; a Redis lease for several hosts plugs in behind the same interface.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits for the lock; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(ConversationKey key, CancellationToken cancellationToken);
}
