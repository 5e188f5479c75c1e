using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>The claims of a signed-in account: Identity's name and roles, plus one "group" claim per skill group.</summary>
public sealed class StaffClaims(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string GroupClaim = "group";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var group in user.GroupList)
        {
            identity.AddClaim(new Claim(GroupClaim, group));
        }

        return identity;
    }
}

/// <summary>Reading the staff member out of a principal: the identity comes from here, never from a request field.</summary>
public static class StaffPrincipal
{
    public static string Login(this ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? name : throw new InvalidOperationException("A staff endpoint ran without a signed-in account.");

    public static IReadOnlyList<string> Groups(this ClaimsPrincipal user) =>
        [.. user.FindAll(StaffClaims.GroupClaim).Select(c => c.Value).Distinct()];

    public static bool CanSeeAllGroups(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Supervisor) || user.IsInRole(StaffRoles.Admin);
}
