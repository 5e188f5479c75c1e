using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Works through the update queue, one reader per partition. A failed update is tried again (the engine forgets a failed
/// update's id, so the retry is not taken for a duplicate). On stop it finishes what is queued, within the host's shutdown time.
/// </summary>
public sealed class TelegramUpdateProcessor(TelegramUpdateQueue queue, TelegramUpdateHandler handler, TimeProvider time, ILogger<TelegramUpdateProcessor> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
            UseJitter = true,
        })
        .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, TelegramUpdateQueue.Partitions).Select(ReadAsync));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The readers end once the queue is empty; only when the host's patience runs out is the rest abandoned.
        queue.Complete();
        await using var abandon = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private async Task ReadAsync(int partition)
    {
        await Task.Yield();
        var token = _abandon.Token;
        try
        {
            await foreach (var update in queue.Reader(partition).ReadAllAsync(token))
            {
                await ProcessAsync(update, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Abandoned at shutdown.
        }
    }

    private async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync(static async (state, token) => await state.handler.HandleAsync(state.update, token), (handler, update), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.UpdateFailed(e, update.Id);
        }
    }
}
