using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>The append-only audit log: lines are added and, past the retention period, removed; never edited.</summary>
public sealed class AuditLog(IDbContextFactory<StaffDbContext> contexts, TimeProvider time)
{
    public async Task WriteAsync(string actor, string action, string? conversationId = null, string? requestNumber = null,
        string? details = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            ConversationId = conversationId,
            RequestNumber = requestNumber,
            Details = details,
        });

        // The line must be written even when the caller stops waiting: an action or a view without its audit line is the failure.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The newest lines first, optionally for one actor or one conversation.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? actor, string? conversationId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            // Failed sign-ins have no staff member yet: they are kept with the login tried, and found by it too.
            var tried = "login " + actor;
            query = query.Where(e => e.Actor == actor || (e.Actor == "anonymous" && e.Details == tried));
        }

        if (!string.IsNullOrWhiteSpace(conversationId))
        {
            query = query.Where(e => e.ConversationId == conversationId);
        }

        return await query.OrderByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken);
    }

    /// <summary>Removes lines older than <paramref name="retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Audit.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
    }
}
