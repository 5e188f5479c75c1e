using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>Personal API tokens: issued once in clear, kept as SHA-256, revocable, acting with the account's own roles.</summary>
public sealed class StaffTokens(IDbContextFactory<StaffDbContext> contexts, TimeProvider time)
{
    private const string Marker = "ast_";

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

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
