using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Assistant.Bot.Host.WebChat;

/// <summary>
/// In-process fan-out of web chat events to the open streams of each visitor (a visitor may have several tabs open).
/// With several hosts, a Redis backplane feeds every host's hub.
/// </summary>
public sealed class WebChatHub
{
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

    public void Publish(string userId, WebChatEvent message)
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
