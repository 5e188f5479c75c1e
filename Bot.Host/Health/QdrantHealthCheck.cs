using Microsoft.Extensions.Diagnostics.HealthChecks;
using Qdrant.Client;

namespace Assistant.Bot.Host.Health;

/// <summary>Qdrant answers its health call over the same gRPC client the vector index uses.</summary>
public sealed class QdrantHealthCheck(QdrantClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.HealthAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Qdrant does not answer: " + e.GetType().Name);
        }
    }
}
