using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>Personal API tokens: issued once in clear, kept as SHA-256, revocable, acting with the account's own roles.</summary>
public sealed class StaffTokens(IDbContextFactory<StaffDbContext> contexts, TimeProvider time)
{
    private const string Marker = "ast_";

    /// <summary>How often a refused token of a known account is written to the audit log at most (an integration retrying every second would fill it).</summary>
    public static readonly TimeSpan RefusalAuditEvery = TimeSpan.FromMinutes(10);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _refusalsAudited = new(StringComparer.Ordinal);

    /// <summary>A new token for <paramref name="user"/>; the only time it exists in clear.</summary>
    public async Task<string> IssueAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var token = Marker + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, Hash = Hash(token), Prefix = token[..10], CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Revokes every token of <paramref name="user"/>; returns how many were active.</summary>
    public async Task<int> RevokeAllAsync(StaffUser user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in active)
        {
            token.RevokedAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return active.Count;
    }

    /// <summary>The account id an active token belongs to, or null.</summary>
    public async Task<string?> FindUserIdAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.Where(t => t.Hash == hash && t.RevokedAt == null).Select(t => t.UserId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The account a revoked token was issued to, or null (a token nobody was issued, or an active one).</summary>
    public async Task<string?> FindRevokedUserIdAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.Where(t => t.Hash == hash && t.RevokedAt != null).Select(t => t.UserId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether a refusal of this (issued) token goes to the audit log now: once per token per <see cref="RefusalAuditEvery"/>.</summary>
    public bool RefusalDue(string token) => RefusalDueForHash(Hash(token));

    private bool RefusalDueForHash(string hash)
    {
        var now = time.GetUtcNow();
        if (_refusalsAudited.TryGetValue(hash, out var last) && now - last < RefusalAuditEvery)
        {
            return false;
        }

        _refusalsAudited[hash] = now;
        if (_refusalsAudited.Count > 10_000)
        {
            // Only issued tokens get here, so this is a bound for safety, not a cache policy.
            _refusalsAudited.Clear();
        }

        return true;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
