using Microsoft.AspNetCore.Identity;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>A staff account. The login (UserName) is what transcripts, ratings and the audit log name.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The operator's skill groups, comma-separated and lower-case (e.g. "oms,care").</summary>
    public string Groups { get; set; } = string.Empty;

    /// <summary>Whether the operator takes new conversations now («на месте» / «отошёл»).</summary>
    public bool Online { get; set; }

    public IReadOnlyList<string> GroupList => StaffGroups.Parse(Groups);
}
