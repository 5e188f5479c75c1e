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
    public static async Task EnsureSchemaAsync(StaffDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        if (await HasStaffTablesAsync(db, cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateTablesAsync(cancellationToken);
        }
        catch (Exception)
        {
            // Another host may have created them at the same moment; anything else is a real failure.
            if (!await HasStaffTablesAsync(db, cancellationToken))
            {
                throw;
            }
        }
    }

    private static async Task<bool> HasStaffTablesAsync(StaffDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'StaffAudit'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_name = 'StaffAudit'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
    }
}
