using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Assistant.Bot.Host.Health;

/// <summary>The readiness checks: the KB always, and Redis, PostgreSQL and Qdrant when their connection strings are set.</summary>
public static class HealthChecksExtensions
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddAssistantHealthChecks(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<KnowledgeHealthCheck>("kb", tags: [HealthApi.ReadyTag], timeout: Timeout);
        var configuration = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            checks.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis", HealthStatus.Unhealthy, [HealthApi.ReadyTag], Timeout);
        }

        if (configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres)
        {
            checks.AddNpgSql(postgres, name: "postgres", failureStatus: HealthStatus.Unhealthy, tags: [HealthApi.ReadyTag], timeout: Timeout);
        }

        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Qdrant")))
        {
            checks.AddCheck<QdrantHealthCheck>("qdrant", HealthStatus.Unhealthy, [HealthApi.ReadyTag], Timeout);
        }

        return builder;
    }
}
