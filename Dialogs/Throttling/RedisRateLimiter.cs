using System.Globalization;
using Assistant.Dialogs.Stores.Redis;
using StackExchange.Redis;

namespace Assistant.Dialogs.Throttling;

/// <summary>
/// The same token bucket as <see cref="TokenBucketLimiter"/>, kept in Redis so that a person writing to several hosts has one
/// budget. One Lua script refills, takes and remembers the refusal streak atomically; an idle bucket expires once it would be full.
/// </summary>
public sealed class RedisRateLimiter(IConnectionMultiplexer redis, RateLimitOptions options, string keyPrefix = "assistant:") : IRateLimiter
{
    private const string TakeScript = """
        local burst = tonumber(ARGV[1])
        local perMs = tonumber(ARGV[2])
        local now = tonumber(ARGV[3])
        local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'refused')
        local tokens = tonumber(saved[1]) or burst
        local at = tonumber(saved[2]) or now
        local refused = saved[3] == '1'
        if now > at then
          tokens = math.min(burst, tokens + (now - at) * perMs)
          at = now
        end
        local result
        if tokens >= 1 - 1e-9 then
          tokens = math.max(0, tokens - 1)
          refused = false
          result = 0
        elseif refused then
          result = 2
        else
          refused = true
          result = 1
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at), 'refused', refused and '1' or '0')
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst / perMs) + 60000)
        return result
        """;

    private readonly RedisKeys _keys = new(keyPrefix);

    public async Task<ThrottleDecision> TryTakeAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var perMillisecond = options.MessagesPerMinute / 60_000.0;
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, [_keys.RateLimit(key)],
        [
            options.BurstSize,
            perMillisecond.ToString("R", CultureInfo.InvariantCulture),
            now.ToUnixTimeMilliseconds(),
        ]);
        return result switch
        {
            0 => ThrottleDecision.Allowed,
            1 => ThrottleDecision.ThrottledFirst,
            _ => ThrottleDecision.Throttled,
        };
    }
}
