namespace Assistant.Dialogs.Throttling;

/// <summary>Per-person message budget: in process on one host (<see cref="TokenBucketLimiter"/>), or shared by all hosts (<see cref="RedisRateLimiter"/>).</summary>
public interface IRateLimiter
{
    /// <summary>Takes one message from <paramref name="key"/>'s budget at <paramref name="now"/>.</summary>
    Task<ThrottleDecision> TryTakeAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);
}
