using System.Data.Common;
using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Tests.Servers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Assistant.Bot.Host.Tests.Staff;

/// <summary>
/// Reading the audit log a page at a time, on SQLite and on PostgreSQL: whole days in the server's time zone, pages that neither
/// skip nor repeat lines written at the same instant, and a read that walks the index on At instead of sorting the table.
/// </summary>
public sealed class AuditPagingTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assistant-audit-paging-" + Guid.NewGuid().ToString("N"));

    /// <summary>Moscow time, without clock changes: a day starts at 21:00 UTC of the day before.</summary>
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.CreateCustomTimeZone("test-msk", TimeSpan.FromHours(3), "MSK", "MSK");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Pages_of_one_day_hold_every_line_of_that_day_once_newest_first_and_use_the_index(string store)
    {
        var plans = new PlanRecorder();
        var contexts = await ContextsAsync(store, plans);
        var clock = new ManualClock(Moscow);
        var audit = new AuditLog(contexts, clock);
        async Task Write(DateTimeOffset at, string name, string actor = "anna")
        {
            clock.Now = at;
            await audit.WriteAsync(actor, "transcript", "c1", details: name);
        }

        await Write(new DateTimeOffset(2025, 3, 9, 20, 59, 59, TimeSpan.Zero), "before-the-day");
        await Write(new DateTimeOffset(2025, 3, 9, 21, 0, 0, TimeSpan.Zero), "first");
        foreach (var tie in new[] { "t1", "t2", "t3", "t4", "t5" })
        {
            await Write(new DateTimeOffset(2025, 3, 10, 12, 0, 0, TimeSpan.Zero), tie);
        }

        await Write(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero), "someone-else", actor: "boris");
        await Write(new DateTimeOffset(2025, 3, 10, 20, 59, 59, TimeSpan.Zero), "last");
        await Write(new DateTimeOffset(2025, 3, 10, 21, 0, 0, TimeSpan.Zero), "next-day");

        var day = new DateOnly(2025, 3, 10);
        var pages = new List<IReadOnlyList<AuditEntry>>();
        long? before = null;
        do
        {
            pages.Add(await audit.ReadAsync(new AuditQuery("anna", null, day, day, before, 3), CancellationToken.None));
            before = pages[^1].Count == 0 ? null : pages[^1][^1].Id;
        }
        while (before is not null);

        Assert.Equal([["last", "t5", "t4"], ["t3", "t2", "t1"], ["first"], []], pages.Select(p => p.Select(e => e.Details!).ToArray()).ToArray());

        // Both engines order the page from the index on At; SQLite does not even sort (the index carries the rowid, which is Id).
        Assert.Contains(plans.Lines, line => line.Contains("IX_StaffAudit_At", StringComparison.Ordinal));
        if (store == "sqlite")
        {
            Assert.DoesNotContain(plans.Lines, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }

        // A page that ended on a line retention has since removed: nothing older is left either.
        await audit.PurgeAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Empty(await audit.ReadAsync(new AuditQuery(null, null, null, null, pages[0][0].Id, 50), CancellationToken.None));
    }

    [Fact]
    public void The_filter_is_stored_as_codes_and_only_what_narrowed_the_read()
    {
        Assert.Equal("actor anna; from 2025-03-01; to 2025-03-10; before 42",
            new AuditQuery(" anna ", "c1", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 10), 42, 50).Describe());
        Assert.Null(new AuditQuery(null, "c1", null, null, null, 50).Describe());
        Assert.False(AuditQuery.TryParseDay("10.03.2025", out _));
        Assert.True(AuditQuery.TryParseDay("", out var none) && none is null);
    }

    private async Task<IDbContextFactory<StaffDbContext>> ContextsAsync(string store, PlanRecorder plans)
    {
        var builder = new DbContextOptionsBuilder<StaffDbContext>();
        if (store == "postgres")
        {
            builder.UseNpgsql(await postgres.CreateDatabaseAsync());
        }
        else
        {
            Directory.CreateDirectory(_directory);
            builder.UseSqlite($"Data Source={Path.Combine(_directory, "staff.db")}");
        }

        IDbContextFactory<StaffDbContext> contexts = new Contexts(builder.AddInterceptors(plans).Options);
        await using var db = await contexts.CreateDbContextAsync();
        await StaffDatabase.EnsureSchemaAsync(db, CancellationToken.None);
        return contexts;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>
    /// Asks the database how it would run each ordered read of the audit table, with the same parameters, just before it runs.
    /// PostgreSQL is told to avoid a sequential scan, which it prefers for a table this small: the question is whether the
    /// index can serve the query at all.
    /// </summary>
    private sealed class PlanRecorder : DbCommandInterceptor
    {
        public List<string> Lines { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("StaffAudit", StringComparison.Ordinal) && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
            {
                var sqlite = command is Microsoft.Data.Sqlite.SqliteCommand;
                if (!sqlite)
                {
                    await RunAsync(command, "SET enable_seqscan = off", cancellationToken);
                }

                await using var explain = command.Connection!.CreateCommand();
                explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
                foreach (DbParameter parameter in command.Parameters)
                {
                    var copy = explain.CreateParameter();
                    copy.ParameterName = parameter.ParameterName;
                    copy.Value = parameter.Value;
                    copy.DbType = parameter.DbType;
                    explain.Parameters.Add(copy);
                }

                await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        Lines.Add(reader.GetString(sqlite ? 3 : 0));
                    }
                }

                if (!sqlite)
                {
                    await RunAsync(command, "RESET enable_seqscan", cancellationToken);
                }
            }

            return result;
        }

        private static async Task RunAsync(DbCommand command, string sql, CancellationToken cancellationToken)
        {
            await using var set = command.Connection!.CreateCommand();
            set.CommandText = sql;
            await set.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed class Contexts(DbContextOptions<StaffDbContext> options) : IDbContextFactory<StaffDbContext>
    {
        public StaffDbContext CreateDbContext() => new(options);
    }

    private sealed class ManualClock(TimeZoneInfo zone) : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}
