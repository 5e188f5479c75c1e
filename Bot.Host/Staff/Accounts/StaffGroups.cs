using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>Skill group names as the queues compare them: trimmed, lower-case, no empties or repeats.</summary>
public static class StaffGroups
{
    public static IReadOnlyList<string> Parse(string? groups) =>
        string.IsNullOrWhiteSpace(groups)
            ? []
            : [.. groups.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(g => g.ToLowerInvariant()).Distinct()];

    public static string Join(IEnumerable<string> groups) => string.Join(',', groups);

    /// <summary>Every group some account belongs to, plus "general" (always staffed by routing): the groups a handover can reach.</summary>
    public static async Task<IReadOnlyList<string>> StaffedAsync(IDbContextFactory<StaffDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Users.Select(u => u.Groups).ToListAsync(cancellationToken);
        return [.. all.SelectMany(Parse).Append("general").Distinct().Order(StringComparer.Ordinal)];
    }
}
