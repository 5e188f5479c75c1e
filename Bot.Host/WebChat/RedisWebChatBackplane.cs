using System.Text.Json;
using StackExchange.Redis;

namespace Assistant.Bot.Host.WebChat;

/// <summary>Redis pub/sub between hosts: each host publishes the events it produces and delivers what arrives to its own streams.</summary>
public sealed class RedisWebChatBackplane : IWebChatBackplane
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("assistant:webchat");
    private readonly ISubscriber _subscriber;

    public RedisWebChatBackplane(IConnectionMultiplexer redis, WebChatHub hub)
    {
        _subscriber = redis.GetSubscriber();
        _subscriber.Subscribe(Channel, (_, value) =>
        {
            if (value.HasValue && JsonSerializer.Deserialize<Envelope>(value.ToString()) is { } envelope)
            {
                hub.DeliverLocally(envelope.UserId, envelope.Event);
            }
        });
    }

    public void Publish(string userId, WebChatEvent message) =>
        _subscriber.Publish(Channel, JsonSerializer.Serialize(new Envelope(userId, message)), CommandFlags.FireAndForget);

    private sealed record Envelope(string UserId, WebChatEvent Event);
}
