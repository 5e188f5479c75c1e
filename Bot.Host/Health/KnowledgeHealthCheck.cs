using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Assistant.Bot.Host.Health;

/// <summary>Ready once the KB's search index is built: before that every question would get «нет ответа».</summary>
public sealed class KnowledgeHealthCheck(KnowledgeService knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.IsLoaded
            ? HealthCheckResult.Healthy($"{knowledge.QuestionCount} questions indexed")
            : HealthCheckResult.Unhealthy("the KB is still loading"));
}
