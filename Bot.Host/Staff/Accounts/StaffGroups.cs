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
}
