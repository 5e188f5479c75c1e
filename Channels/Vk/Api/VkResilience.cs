using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Assistant.Channels.Vk.Api;

/// <summary>
/// The retry policy of every API call: network failures, timeouts, 5xx and VK errors 1/6/9/10 are tried again with
/// exponential back-off and jitter; flood control (9) starts from a longer pause. Permanent errors are not retried.
/// </summary>
internal static class VkResilience
{
    /// <summary>Flood control is about actions per hour or identical messages; a pause of a second rarely clears it.</summary>
    private const int FloodControlFactor = 5;

    /// <summary>The API method of the call, for the retry log (a network failure does not name it).</summary>
    public static readonly ResiliencePropertyKey<string> MethodKey = new("vk.method");

    public static ResiliencePipeline Create(VkOptions options, ILogger logger) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = TimeSpan.FromMinutes(1),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception, args.Context.CancellationToken)),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Outcome.Exception is VkFloodControlException
                ? options.RetryDelay * FloodControlFactor * Math.Pow(2, args.AttemptNumber)
                : null),
            OnRetry = args =>
            {
                logger.Retrying(args.Context.Properties.GetValue(MethodKey, "call"), args.AttemptNumber + 1,
                    args.RetryDelay.TotalMilliseconds, Describe(args.Outcome.Exception));
                ChannelMetrics.Retried("vk");
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public static bool IsTransient(Exception? exception, CancellationToken cancellationToken) => exception switch
    {
        VkApiException vk => vk.IsTransient,
        HttpRequestException => true,

        // HttpClient reports its own timeout as a cancellation the caller did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static string Describe(Exception? exception) => exception switch
    {
        VkApiException vk => $"error {vk.Code}",
        OperationCanceledException => "timeout",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
