using Assistant.Bot.Host.Staff.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Presence;

/// <summary>
/// Keeps «на месте» true to life: every Staff:PresenceSweepInterval this host marks the staff members with a console open here as
/// seen, and anyone «на месте» not seen on any host for Staff:PresenceTimeout (a closed browser, a lost laptop) becomes «отошёл».
/// Otherwise supervisors would count on them and personal-manager routing would hold conversations for them.
/// </summary>
public sealed class PresenceSweep(
    OpenConsoles consoles,
    IDbContextFactory<StaffDbContext> contexts,
    AuditLog audit,
    TimeProvider time,
    IOptions<StaffOptions> options,
    ILogger<PresenceSweep> logger) : BackgroundService
{
    /// <summary>Marks <paramref name="logins"/> as seen now, on every host's shared record.</summary>
    public async Task SeenAsync(IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        if (logins.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var login in logins)
        {
            if (await db.Presence.Where(p => p.Login == login).ExecuteUpdateAsync(s => s.SetProperty(p => p.SeenAt, now), cancellationToken) == 0)
            {
                db.Presence.Add(new StaffPresence { Login = login, SeenAt = now });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another host added the row in the same moment: it says the same thing.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <summary>One round: this host's open consoles are seen, and whoever no host has seen lately is set away.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await SeenAsync(consoles.Logins, cancellationToken);
        var cutoff = time.GetUtcNow() - options.Value.PresenceTimeout;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var gone = await db.Users
            .Where(u => u.Online && !db.Presence.Any(p => p.Login == u.UserName && p.SeenAt >= cutoff))
            .Select(u => u.UserName!)
            .ToListAsync(cancellationToken);
        foreach (var login in gone)
        {
            // Checked again in the update itself: whoever said «на месте» since the list was read is not set away.
            var changed = await db.Users
                .Where(u => u.UserName == login && u.Online && !db.Presence.Any(p => p.Login == login && p.SeenAt >= cutoff))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Online, false), cancellationToken);
            if (changed > 0)
            {
                await audit.WriteAsync(login, "away", details: "no console open", cancellationToken: cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PresenceSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Presence sweep failed; it runs again in {Interval}", options.Value.PresenceSweepInterval);
            }
        }
    }
}
