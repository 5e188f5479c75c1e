using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Retries transient Bot API failures with exponential back-off and jitter, waiting exactly what a 429's retry_after asks;
/// permanent ones (blocked, chat gone, refused) fail at once, so nothing is retried forever.
/// </summary>
internal sealed class TelegramRetryPolicy
{
    private static readonly ResiliencePropertyKey<(string Method, long ChatId)> Call = new("telegram.call");

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ResiliencePipeline _pipeline;

    public TelegramRetryPolicy(int maxAttempts, TimeProvider time, ILogger logger)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => TelegramFailures.Classify(e) == TelegramFailureKind.Transient),
                MaxRetryAttempts = maxAttempts - 1,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(TelegramFailures.RetryAfter(args.Outcome.Exception) ?? Backoff(args.AttemptNumber)),
                OnRetry = args =>
                {
                    var (method, chatId) = args.Context.Properties.GetValue(Call, ("?", 0));
                    logger.Retrying(method, chatId, TelegramFailures.Describe(args.Outcome.Exception), args.AttemptNumber + 1, args.RetryDelay);
                    ChannelMetrics.Retried("telegram");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Runs <paramref name="call"/> (one Bot API call, <paramref name="method"/> for <paramref name="chatId"/>) under the policy.</summary>
    public async Task ExecuteAsync(string method, long chatId, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Call, (method, chatId));
        try
        {
            await _pipeline.ExecuteAsync(static async (ctx, attempt) => await attempt(ctx.CancellationToken), context, call);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>1 s, 2 s, 4 s … up to 30 s, each ±20 % so that many chats do not retry in step.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempt));
        return TimeSpan.FromSeconds(seconds * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
