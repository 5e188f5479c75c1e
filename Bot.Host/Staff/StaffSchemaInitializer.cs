using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff;

/// <summary>Creates the staff tables before the host takes requests.</summary>
public sealed class StaffSchemaInitializer(IDbContextFactory<StaffDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await StaffDatabase.EnsureSchemaAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
