using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;

namespace Assistant.Dialogs.Stores.Redis;

/// <summary>Every key the Redis stores use, under one prefix so several deployments can share a server.</summary>
internal sealed class RedisKeys(string prefix)
{
    public string Conversation(string id) => $"{prefix}conv:{id}";

    public string Current(ConversationKey key) => $"{prefix}current:{key.Channel}:{key.UserId}";

    public string StatePrefix => $"{prefix}state:";

    public string State(ConversationState state) => StatePrefix + state;

    /// <summary>The conversations waiting for a group's operators, scored by when they joined the queue.</summary>
    public string Queue(string group) => $"{prefix}queue:{group.ToLowerInvariant()}";

    public string Lock(ConversationKey key) => $"{prefix}lock:{key.Channel}:{key.UserId}";

    public string RateLimit(string person) => $"{prefix}rate:{person}";

    public string Processed(string channel, string messageId) => $"{prefix}seen:{channel}:{messageId}";
}
