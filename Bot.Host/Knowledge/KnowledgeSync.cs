using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Storage;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>
/// With the KB in PostgreSQL, another host's change (an import, a moderator's new question) reaches this host's index: the
/// store's notification triggers a reload.
/// </summary>
public sealed partial class KnowledgeSync(PostgresKnowledgeStore store, KnowledgeService knowledge, ILogger<KnowledgeSync> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        store.ListenAsync(async cancellationToken =>
        {
            try
            {
                await knowledge.RebuildAsync(cancellationToken);
                Reloaded(logger, knowledge.QuestionCount);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The index in use stays as it was; the next change tries again.
                ReloadFailed(logger, ex);
            }
        }, stoppingToken);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Knowledge base changed on another host; reloaded {Count} indexed questions and titles")]
    private static partial void Reloaded(ILogger logger, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Reloading the knowledge base changed on another host failed")]
    private static partial void ReloadFailed(ILogger logger, Exception exception);
}
