using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Assistant.Bot.Host.Staff;

/// <summary>
/// Creates the staff tables on first start. EnsureCreated is not enough: in PostgreSQL the database already holds the dialog
/// records, and EnsureCreated skips any database that has tables.
/// </summary>
public static class StaffDatabase
{
    /// <summary>The tables added last: when they exist, the schema is current.</summary>
    private static readonly string[] NewestTables = ["StaffPresence", "StaffArticleDrafts"];

    public static async Task EnsureSchemaAsync(StaffDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        if (!await HasTableAsync(db, "StaffAudit", cancellationToken))
        {
            try
            {
                await creator.CreateTablesAsync(cancellationToken);
                return;
            }
            catch (Exception)
            {
                // Another host may have created them at the same moment; anything else is a real failure.
                if (!await HasTableAsync(db, "StaffAudit", cancellationToken))
                {
                    throw;
                }
            }
        }

        // A database from an earlier version: tables added since are created, one statement at a time, skipping what exists.
        var current = true;
        foreach (var table in NewestTables)
        {
            current &= await HasTableAsync(db, table, cancellationToken);
        }

        if (current)
        {
            return;
        }

        foreach (var statement in db.Database.GenerateCreateScript().Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }
            catch (Exception e) when (e.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    private static async Task<bool> HasTableAsync(StaffDbContext db, string table, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {0}"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = {0}";
        return await db.Database.SqlQueryRaw<int>(sql, table).SingleAsync(cancellationToken) > 0;
    }
}
