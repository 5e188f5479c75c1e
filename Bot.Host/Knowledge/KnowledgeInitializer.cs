using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>Loads the KB (the seed on first run) before the app starts listening, so the first question already has an index.</summary>
public sealed class KnowledgeInitializer(KnowledgeService knowledge, ILogger<KnowledgeInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await knowledge.InitializeAsync(SeedKnowledgeBase.Load, cancellationToken);
        logger.KnowledgeLoaded(knowledge.QuestionCount);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
