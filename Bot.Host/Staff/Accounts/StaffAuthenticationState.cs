using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>
/// An open console page keeps the sign-in it was opened with for as long as its connection lasts; this checks it again every
/// Staff:RevalidationInterval. «Выйти» in another tab or a password reset (which change the account's security stamp), or the
/// account removed, then end the page: it goes to «Вход» instead of acting in the staff member's name. A lockout does not: anyone
/// can lock an account by typing wrong passwords for it, and that must not throw its owner out of an open conversation.
/// </summary>
public sealed class StaffAuthenticationState(ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<StaffOptions> staff, IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => staff.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await IsStillValidAsync(users, state.User);
    }

    private async Task<bool> IsStillValidAsync(UserManager<StaffUser> users, ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp is null || stamp == await users.GetSecurityStampAsync(user);
    }
}
