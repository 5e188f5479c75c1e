using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Stores;

namespace Assistant.Bot.Host.WebChat;

/// <summary>The engine's way out to the web chat: every bot, operator and system message goes to the visitor's open streams.</summary>
public sealed class WebChatSender(WebChatHub hub, DialogStores stores) : IChannelSender
{
    public const string ChannelName = "web";

    public string Channel => ChannelName;

    public async Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var conversation = await stores.Conversations.GetAsync(message.ConversationId, cancellationToken);
        var sequence = WebSequence.Of(conversation?.Ordinal ?? 0, message.Sequence);
        hub.Publish(to.UserId, new WebChatEvent("message", sequence, WebChatMapping.ToWeb(message, sequence)));
    }
}
