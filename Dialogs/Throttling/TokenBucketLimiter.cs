using System.Collections.Concurrent;

namespace Assistant.Dialogs.Throttling;

/// <summary>
/// A token bucket per person, in process. Time comes from the caller, so tests move it by hand. Full buckets of people who
/// went quiet are dropped now and then, so memory follows the number of active people.
/// </summary>
public sealed class TokenBucketLimiter(RateLimitOptions options) : IRateLimiter
{
    private const int PruneEvery = 4096;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private int _calls;

    public Task<ThrottleDecision> TryTakeAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(TryTake(key, now));

    /// <summary>Takes one token for <paramref name="key"/>; when none is left, says whether this is the first refusal of the streak.</summary>
    public ThrottleDecision TryTake(string key, DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _calls) % PruneEvery == 0)
        {
            Prune(now);
        }

        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(options.BurstSize, now));
        lock (bucket)
        {
            bucket.Refill(now, options);
            // A hair of tolerance: refills are sums of fractions of a token.
            if (bucket.Tokens >= 1 - 1e-9)
            {
                bucket.Tokens = Math.Max(0, bucket.Tokens - 1);
                bucket.Refused = false;
                return ThrottleDecision.Allowed;
            }

            var first = !bucket.Refused;
            bucket.Refused = true;
            return first ? ThrottleDecision.ThrottledFirst : ThrottleDecision.Throttled;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, bucket) in _buckets)
        {
            lock (bucket)
            {
                bucket.Refill(now, options);
                if (bucket.Tokens >= options.BurstSize)
                {
                    _buckets.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public bool Refused { get; set; }

        private DateTimeOffset At { get; set; } = at;

        public void Refill(DateTimeOffset now, RateLimitOptions options)
        {
            if (now > At)
            {
                Tokens = Math.Min(options.BurstSize, Tokens + (now - At).TotalMinutes * options.MessagesPerMinute);
                At = now;
            }
        }
    }
}
