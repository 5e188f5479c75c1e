using StackExchange.Redis;

namespace Assistant.Dialogs.Stores.Redis;

/// <summary>Which channel message ids were processed, shared by all hosts; marks expire after <paramref name="remember"/>.</summary>
public sealed class RedisProcessedMessageStore(IConnectionMultiplexer redis, TimeSpan remember, string keyPrefix = "assistant:") : IProcessedMessageStore
{
    private readonly RedisKeys _keys = new(keyPrefix);

    public Task<bool> IsProcessedAsync(string channel, string messageId, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyExistsAsync(_keys.Processed(channel, messageId));

    public Task<bool> TryMarkAsync(string channel, string messageId, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(_keys.Processed(channel, messageId), 1, remember, When.NotExists);

    public Task ForgetAsync(string channel, string messageId, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyDeleteAsync(_keys.Processed(channel, messageId));

    /// <summary>Nothing to do: each mark expires by itself after <paramref name="remember"/>.</summary>
    public Task<int> ForgetOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult(0);
}
