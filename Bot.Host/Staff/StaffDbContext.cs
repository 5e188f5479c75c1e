using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff;

/// <summary>
/// Staff accounts (ASP.NET Core Identity), their API tokens, the audit log and the data protection keys: staff.db, or PostgreSQL
/// when configured.
/// </summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and anti-forgery tokens: shared by every host that shares this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<KbEditor.ArticleVersion> ArticleVersions => Set<KbEditor.ArticleVersion>();

    public DbSet<Presence.StaffPresence> Presence => Set<Presence.StaffPresence>();
    public DbSet<KbEditor.ArticleDraft> ArticleDrafts => Set<KbEditor.ArticleDraft>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("StaffApiTokens");
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
        });
        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("StaffAudit");
            entry.HasIndex(e => e.At);
        });
        builder.Entity<KbEditor.ArticleVersion>(version =>
        {
            version.ToTable("StaffArticleVersions");
            version.HasIndex(v => v.ArticleId);
        });
        builder.Entity<Presence.StaffPresence>(presence =>
        {
            presence.ToTable("StaffPresence");
            presence.HasKey(p => p.Login);
        });
        builder.Entity<KbEditor.ArticleDraft>(draft =>
        {
            draft.ToTable("StaffArticleDrafts");
            draft.HasKey(d => d.ArticleId);
        });

        // SQLite cannot order or compare DateTimeOffset; stored as UTC ticks it sorts on both engines.
        if (Database.IsSqlite())
        {
            var ticks = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
                v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            builder.Entity<AuditEntry>().Property(e => e.At).HasConversion(ticks);
            builder.Entity<ApiToken>().Property(e => e.CreatedAt).HasConversion(ticks);
            builder.Entity<KbEditor.ArticleVersion>().Property(e => e.SavedAt).HasConversion(ticks);
            builder.Entity<Presence.StaffPresence>().Property(e => e.SeenAt).HasConversion(ticks);
            builder.Entity<KbEditor.ArticleDraft>().Property(e => e.SavedAt).HasConversion(ticks);
        }
    }
}
