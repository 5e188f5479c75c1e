using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Storage;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>
/// With the KB in PostgreSQL, another host's change (an import, a moderator's new question) reaches this host's index: the
/// store's notification triggers a reload.
/// </summary>
public sealed partial class KnowledgeSync(PostgresKnowledgeStore store, KnowledgeService knowledge, ILogger<KnowledgeSync> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        store.ListenAsync(ReloadAsync, listening: null, stoppingToken);

    /// <summary>Reloads until it succeeds (the index in use stays meanwhile): a reload must not be lost to a passing failure.</summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await knowledge.RebuildAsync(cancellationToken);
                Reloaded(logger, knowledge.QuestionCount);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // An embedder endpoint's timeout surfaces as a cancellation too; only the host stopping ends the retries.
                ReloadFailed(logger, ex);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Knowledge base reloaded from the shared store: {Count} indexed questions and titles")]
    private static partial void Reloaded(ILogger logger, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Reloading the knowledge base from the shared store failed; retrying")]
    private static partial void ReloadFailed(ILogger logger, Exception exception);
}
