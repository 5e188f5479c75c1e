using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Engine;

/// <summary>Opens a conversation under its person's lock, by key (citizen turns) or by id (operator actions, inactivity).</summary>
internal sealed class ConversationSessions(DialogServices services)
{
    public async Task<ConversationSession> OpenAsync(ConversationKey key, string? segment, CancellationToken cancellationToken)
    {
        var lease = await services.Locks.AcquireAsync(key, cancellationToken);
        try
        {
            var conversation = await services.Stores.Conversations.GetOrCreateAsync(key, () => Conversation.Start(key, services.Now, segment), cancellationToken);
            return new ConversationSession(services, lease, conversation);
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    public async Task<ConversationSession?> OpenAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await services.Stores.Conversations.GetAsync(conversationId, cancellationToken) is not { } unlocked)
        {
            return null;
        }

        var lease = await services.Locks.AcquireAsync(unlocked.Key, cancellationToken);
        try
        {
            var conversation = await services.Stores.Conversations.GetAsync(conversationId, cancellationToken) ?? unlocked;
            return new ConversationSession(services, lease, conversation);
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }
}
