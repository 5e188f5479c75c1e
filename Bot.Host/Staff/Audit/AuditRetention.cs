using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>Once a day (and at start) removes audit lines older than Staff:AuditRetention.</summary>
public sealed class AuditRetention(AuditLog audit, IOptions<StaffOptions> options, ILogger<AuditRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                var removed = await audit.PurgeAsync(options.Value.AuditRetention, stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} audit lines older than {Retention}", removed, options.Value.AuditRetention);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Audit retention sweep failed; it runs again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
