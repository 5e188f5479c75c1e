using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>A channel that keeps every message it was asked to deliver, in order.</summary>
public sealed class RecordingChannelSender(string channel) : IChannelSender
{
    private readonly List<(ConversationKey To, OutgoingMessage Message)> _sent = [];

    public string Channel => channel;

    public IReadOnlyList<(ConversationKey To, OutgoingMessage Message)> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>The messages delivered to one person, in delivery order.</summary>
    public IReadOnlyList<OutgoingMessage> To(ConversationKey key) => [.. Sent.Where(s => s.To == key).Select(s => s.Message)];

    public Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add((to, message));
        }

        return Task.CompletedTask;
    }
}
