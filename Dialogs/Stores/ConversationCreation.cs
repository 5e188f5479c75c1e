using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Stores;

/// <summary>Get-or-create on top of a store's compare-and-set save, the same for every store.</summary>
internal static class ConversationCreation
{
    public static async Task<Conversation> GetOrCreateAsync(IConversationStore store, ConversationKey key, Func<Conversation> create, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(key, cancellationToken) is { } existing)
        {
            return existing;
        }

        // Version 0 means "must not exist yet": of two hosts creating at once, one insert wins and the other reads it.
        var created = create() with { Version = 1 };
        return await store.SaveAsync(created, 0, cancellationToken)
            ? created
            : await store.GetAsync(key, cancellationToken) ?? throw new InvalidOperationException($"Conversation {created.Id} could not be created.");
    }
}
