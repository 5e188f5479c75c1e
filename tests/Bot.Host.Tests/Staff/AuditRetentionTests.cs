using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Audit;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>The audit log on a real staff.db: lines past the retention period go, younger ones stay, none is ever edited.</summary>
public sealed class AuditRetentionTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assistant-audit-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Lines_older_than_the_retention_are_removed_and_the_rest_stay_in_order()
    {
        Directory.CreateDirectory(_directory);
        IDbContextFactory<StaffDbContext> contexts = new Contexts(new DbContextOptionsBuilder<StaffDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "staff.db")}").Options);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await StaffDatabase.EnsureSchemaAsync(db, CancellationToken.None);
        }

        var clock = new ManualClock(new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var audit = new AuditLog(contexts, clock);
        await audit.WriteAsync("anna", "sign-in");
        clock.Now = clock.Now.AddDays(200);
        await audit.WriteAsync("anna", "transcript", "c1");
        clock.Now = clock.Now.AddDays(200);
        await audit.WriteAsync("boris", "close", "c1");

        var removed = await audit.PurgeAsync(TimeSpan.FromDays(365), CancellationToken.None);

        Assert.Equal(1, removed);
        var left = await audit.ReadAsync(null, null, 100, CancellationToken.None);
        Assert.Equal(["close", "transcript"], left.Select(e => e.Action));
        Assert.Equal(new DateTimeOffset(2025, 7, 29, 9, 0, 0, TimeSpan.Zero), left[1].At);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private sealed class Contexts(DbContextOptions<StaffDbContext> options) : IDbContextFactory<StaffDbContext>
    {
        public StaffDbContext CreateDbContext() => new(options);
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
