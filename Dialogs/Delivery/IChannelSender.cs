using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Delivery;

/// <summary>The way out to one channel; the engine calls it for every message after the message is in the transcript.</summary>
public interface IChannelSender
{
    /// <summary>The channel name it serves, as in <see cref="Activity.Channel"/>.</summary>
    string Channel { get; }

    Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken);
}
