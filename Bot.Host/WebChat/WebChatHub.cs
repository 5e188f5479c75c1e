using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Assistant.Bot.Host.WebChat;

/// <summary>
/// In-process fan-out of web chat events to the open streams of each visitor (a visitor may have several tabs open).
/// With several hosts, a Redis backplane feeds every host's hub.
/// </summary>
public sealed class WebChatHub
{
    private IWebChatBackplane? _backplane;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<WebChatEvent>>> _streams = new(StringComparer.Ordinal);

    public Subscription Subscribe(string userId)
    {
        var channel = Channel.CreateBounded<WebChatEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _streams.GetOrAdd(userId, _ => new ConcurrentDictionary<Guid, Channel<WebChatEvent>>())[id] = channel;
        return new Subscription(channel.Reader, () =>
        {
            if (_streams.TryGetValue(userId, out var streams))
            {
                streams.TryRemove(id, out _);
                if (streams.IsEmpty)
                {
                    _streams.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Guid, Channel<WebChatEvent>>>(userId, streams));
                }
            }
        });
    }

    /// <summary>From now on events travel through <paramref name="backplane"/>, which hands each one to every host's hub (this one included).</summary>
    public void UseBackplane(IWebChatBackplane backplane) => _backplane = backplane;

    public void Publish(string userId, WebChatEvent message)
    {
        if (_backplane is { } backplane)
        {
            backplane.Publish(userId, message);
            return;
        }

        DeliverLocally(userId, message);
    }

    /// <summary>Hands an event to this host's open streams of the visitor.</summary>
    public void DeliverLocally(string userId, WebChatEvent message)
    {
        if (_streams.TryGetValue(userId, out var streams))
        {
            foreach (var stream in streams.Values)
            {
                stream.Writer.TryWrite(message);
            }
        }
    }

    public sealed class Subscription(ChannelReader<WebChatEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<WebChatEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
