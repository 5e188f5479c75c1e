using System.Text.Json;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using StackExchange.Redis;

namespace Assistant.Bot.Host.Staff.Console;

/// <summary>
/// Pushes conversation changes to the open consoles. In one process an event is enough; scaled out, every change goes through a
/// Redis channel, so a handover taken in on host B reaches an operator whose console runs on host A.
/// </summary>
public sealed class StaffSignals : IConversationObserver
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("assistant:staff:conversations");
    private readonly ISubscriber? _redis;

    public StaffSignals(IServiceProvider services)
    {
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            _redis = redis.GetSubscriber();
            _redis.Subscribe(Channel, (_, message) =>
            {
                if (message.HasValue && JsonSerializer.Deserialize<ConversationSignal>(message.ToString()) is { } signal)
                {
                    Raise(signal);
                }
            });
        }
    }

    /// <summary>Raised on a thread of the engine or of Redis; subscribers hop to their own context.</summary>
    public event Action<ConversationSignal>? Changed;

    void IConversationObserver.Changed(Conversation conversation)
    {
        // Consoles only show conversations that reached the operators; the bot's own turns are none of their business.
        if (conversation.HandoffGroup is null)
        {
            return;
        }

        var signal = new ConversationSignal(conversation.Id, conversation.HandoffGroup, conversation.State.ToString(), conversation.OperatorId);
        if (_redis is null)
        {
            Raise(signal);
        }
        else
        {
            _redis.Publish(Channel, JsonSerializer.Serialize(signal), CommandFlags.FireAndForget);
        }
    }

    private void Raise(ConversationSignal signal)
    {
        foreach (var handler in Changed?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<ConversationSignal>)handler)(signal);
            }
            catch (Exception)
            {
                // One broken console must not keep the others from hearing about the change.
            }
        }
    }
}
