using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>Administrators' view of the accounts (creating them stays with `staff add`, which takes the password on stdin).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags(StaffRoles.Admins).RequireAuthorization(StaffRoles.Admins);
        group.MapGet("/accounts", ListAsync).WithSummary("Every staff account: roles, groups, second factor, lockout.");
        return app;
    }

    public static async Task<IResult> ListAsync(System.Security.Claims.ClaimsPrincipal user, UserManager<StaffUser> users, Audit.AuditLog audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var accounts = new List<StaffAccountView>();
        foreach (var account in await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken))
        {
            accounts.Add(new StaffAccountView(account.UserName!, [.. await users.GetRolesAsync(account)], account.GroupList, account.TwoFactorEnabled,
                account.LockoutEnd is { } end && end > time.GetUtcNow(), account.Online));
        }

        await audit.WriteAsync(user.Login(), "accounts-read", details: $"{accounts.Count} accounts", cancellationToken: CancellationToken.None);
        return TypedResults.Ok(accounts);
    }
}

public sealed record StaffAccountView(string Login, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups, bool SecondFactor, bool LockedOut, bool Online);
