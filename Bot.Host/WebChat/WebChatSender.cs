using System.Collections.Concurrent;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Stores;

namespace Assistant.Bot.Host.WebChat;

/// <summary>The engine's way out to the web chat: every bot, operator and system message goes to the visitor's open streams.</summary>
public sealed class WebChatSender(WebChatHub hub, DialogStores stores) : IChannelSender
{
    public const string ChannelName = "web";

    // A conversation's ordinal never changes: remembered so a reply does not cost a store read. Bounded by clearing.
    private readonly ConcurrentDictionary<string, int> _ordinals = new(StringComparer.Ordinal);

    public string Channel => ChannelName;

    public async Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (!_ordinals.TryGetValue(message.ConversationId, out var ordinal))
        {
            ordinal = (await stores.Conversations.GetAsync(message.ConversationId, cancellationToken))?.Ordinal ?? 0;
            if (_ordinals.Count > 50_000)
            {
                _ordinals.Clear();
            }

            _ordinals[message.ConversationId] = ordinal;
        }

        var sequence = WebSequence.Of(ordinal, message.Sequence);
        hub.Publish(to.UserId, new WebChatEvent("message", sequence, WebChatMapping.ToWeb(message, sequence)));
    }
}
