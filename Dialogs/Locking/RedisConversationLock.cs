using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores.Redis;
using StackExchange.Redis;

namespace Assistant.Dialogs.Locking;

/// <summary>
/// A lease in Redis (SET NX PX with a random token; released only by its holder), so two hosts never run turns of one person at once.
/// The lease expires by itself if a host dies mid-turn.
/// </summary>
public sealed class RedisConversationLock(IConnectionMultiplexer redis, TimeSpan lease, string keyPrefix = "assistant:") : IConversationLock
{
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private readonly RedisKeys _keys = new(keyPrefix);

    // Turns of one person on this host queue here first, so only turns on different hosts ever poll Redis for the lease.
    private readonly InProcessConversationLock _local = new();

    public async Task<IAsyncDisposable> AcquireAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var local = await _local.AcquireAsync(key, cancellationToken);
        try
        {
            return await AcquireLeaseAsync(key, local, cancellationToken);
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    private async Task<IAsyncDisposable> AcquireLeaseAsync(ConversationKey key, IAsyncDisposable local, CancellationToken cancellationToken)
    {
        var name = _keys.Lock(key);
        var token = Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        // Turns are short (a few milliseconds), so a waiter polls often rather than backing off far.
        var wait = TimeSpan.FromMilliseconds(1);
        while (!await db.StringSetAsync(name, token, lease, When.NotExists))
        {
            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 8));
        }

        return new Lease(db, name, token, local);
    }

    private sealed class Lease(IDatabase db, string name, string token, IAsyncDisposable local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                try
                {
                    await db.ScriptEvaluateAsync(ReleaseScript, [name], [token]);
                }
                finally
                {
                    await local.DisposeAsync();
                }
            }
        }
    }
}
