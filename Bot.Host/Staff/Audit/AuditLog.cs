using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>The append-only audit log: lines are added and, past the retention period, removed; never edited.</summary>
public sealed class AuditLog(IDbContextFactory<StaffDbContext> contexts, TimeProvider time)
{
    public async Task WriteAsync(string actor, string action, string? conversationId = null, string? requestNumber = null,
        string? details = null, CancellationToken cancellationToken = default)
    {
        // The line must be written even when the caller stops waiting (the token is not used): an action or a view without its
        // audit line is the failure.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.Audit.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            ConversationId = conversationId,
            RequestNumber = requestNumber,
            Details = details,
        });

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>One line per conversation, for a view that showed several at once (written together, in one save).</summary>
    public async Task WriteEachAsync(string actor, string action, IReadOnlyCollection<string> conversationIds, string? details = null)
    {
        if (conversationIds.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var at = time.GetUtcNow();
        db.Audit.AddRange(conversationIds.Select(id => new AuditEntry { At = at, Actor = actor, Action = action, ConversationId = id, Details = details }));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// The details of a queue read: how many waited and which («3 waiting: a1…, b2…, c3…»), so that a search of the log by
    /// conversation finds every list it was shown in.
    /// </summary>
    public static string QueueDetails(IReadOnlyCollection<string> conversationIds) =>
        conversationIds.Count == 0 ? "0 waiting" : $"{conversationIds.Count} waiting: {string.Join(", ", conversationIds)}";

    /// <summary>The newest lines first, optionally for one actor or one conversation.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string? actor, string? conversationId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(new AuditQuery(actor, conversationId, null, null, null, limit), cancellationToken);

    /// <summary>
    /// One page of lines, newest first: at most <see cref="AuditQuery.Limit"/>, within the days asked, older than the line
    /// <see cref="AuditQuery.Before"/> when it is set. Ordered by time and then id, so the read walks the index on At on SQLite
    /// and PostgreSQL alike, and a page ends where the next one starts even when lines share a time.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditQuery filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            // Failed sign-ins have no staff member yet: they are kept with the login tried, and found by it too.
            var actor = filter.Actor.Trim();
            var tried = "login " + actor;
            query = query.Where(e => e.Actor == actor || (e.Actor == "anonymous" && e.Details == tried));
        }

        if (!string.IsNullOrWhiteSpace(filter.ConversationId))
        {
            // A queue read names every conversation it showed in its details (QueueDetails).
            var conversationId = filter.ConversationId.Trim();
            query = query.Where(e => e.ConversationId == conversationId || (e.Action == "queue" && e.Details != null && e.Details.Contains(conversationId)));
        }

        if (filter.From is { } from)
        {
            var start = StartOf(from);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        if (filter.Before is { } before)
        {
            var last = await db.Audit.AsNoTracking().Where(e => e.Id == before).Select(e => new { e.At }).FirstOrDefaultAsync(cancellationToken);
            if (last is null)
            {
                // The line a page ended at is gone: retention removed it, and everything older with it.
                return [];
            }

            // "At <= last" alone bounds the index range; the rest skips the lines of the same instant already shown.
            var at = last.At;
            query = query.Where(e => e.At <= at && (e.At < at || e.Id < before));
        }

        return await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Take(Math.Clamp(filter.Limit, 1, AuditQuery.MaxLimit)).ToListAsync(cancellationToken);
    }

    /// <summary>Midnight of <paramref name="day"/> in the server's time zone (the zone the page shows times in), as UTC.</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, time.LocalTimeZone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>Removes lines older than <paramref name="retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Audit.Where(e => e.At < before).ExecuteDeleteAsync(cancellationToken);
    }
}
