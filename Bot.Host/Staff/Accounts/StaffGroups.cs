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

    /// <summary>
    /// A group id as the KB's handoffGroup and Staff:GroupNames spell them (oms, sick-leave): lower-case latin letters, digits and
    /// inner hyphens. An operator put in «омс» or «oms_care» would never see a conversation, so such names are refused up front.
    /// </summary>
    public static bool IsName(string group) =>
        group.Length > 0 && group[0] != '-' && group[^1] != '-' && group.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>Every group some account belongs to, plus "general" (always staffed by routing): the groups a handover can reach.</summary>
    public static async Task<IReadOnlyList<string>> StaffedAsync(IDbContextFactory<StaffDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = await db.Users.Select(u => u.Groups).ToListAsync(cancellationToken);
        return [.. all.SelectMany(Parse).Append("general").Distinct().Order(StringComparer.Ordinal)];
    }
}
