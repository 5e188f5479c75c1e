using System.Security.Claims;
using Assistant.Bot.Host.Staff.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>
/// Single sign-on: «Войти через единый вход» goes to the OpenID provider; on return the provider's account is linked to a staff
/// account (by the provider's subject, never by a matching login), its roles and groups are set from the claims, and the staff
/// cookie is issued. No known role in the claims: no entry.
/// </summary>
public static class ExternalSignInApi
{
    public static IEndpointRouteBuilder MapExternalSignInApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/staff/account").ExcludeFromDescription().AllowAnonymous();
        account.MapPost("/external", Challenge);
        account.MapGet("/external-callback", CallbackAsync);
        return app;
    }

    public static IResult Challenge(HttpContext context, IOptions<StaffOidcOptions> options, [Microsoft.AspNetCore.Mvc.FromForm(Name = "returnUrl")] string? returnUrl)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        var properties = new AuthenticationProperties { RedirectUri = "/staff/account/external-callback?returnUrl=" + Uri.EscapeDataString(SignInApi.LocalUrl(returnUrl)) };
        return TypedResults.Challenge(properties, [StaffOidcOptions.Scheme]);
    }

    public static async Task<IResult> CallbackAsync(string? returnUrl, HttpContext context, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
        StaffAccounts accounts, IOptions<StaffOidcOptions> options, AuditLog audit)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } principal)
        {
            return Back("sso");
        }

        var settings = options.Value;
        var subject = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub");
        var login = principal.FindFirstValue(settings.LoginClaim) ?? subject;
        var roles = principal.FindAll(settings.RoleClaim).Select(c => c.Value).Where(StaffRoles.IsRole).Distinct().ToList();
        var groups = StaffGroups.Parse(string.Join(',', principal.FindAll(settings.GroupClaim).Select(c => c.Value)));
        if (subject is null || string.IsNullOrWhiteSpace(login))
        {
            return Back("sso");
        }

        if (roles.Count == 0)
        {
            await audit.WriteAsync("anonymous", "sign-in-refused", details: $"sso {Shorten(login)}: no staff role");
            return Back("sso-role");
        }

        var user = await users.FindByLoginAsync(StaffOidcOptions.Scheme, subject);
        if (user is null)
        {
            if (await users.FindByNameAsync(login) is not null)
            {
                // A local account with that login exists and was never linked: the provider may not take it over.
                await audit.WriteAsync("anonymous", "sign-in-refused", details: $"sso {Shorten(login)}: login taken by a local account");
                return Back("sso-conflict");
            }

            user = new StaffUser { UserName = login, LockoutEnabled = true };
            var created = await users.CreateAsync(user);
            if (created.Succeeded)
            {
                created = await users.AddLoginAsync(user, new UserLoginInfo(StaffOidcOptions.Scheme, subject, settings.DisplayName));
            }

            if (!created.Succeeded)
            {
                return Back("sso");
            }

            await audit.WriteAsync(user.UserName!, "account-created-sso", details: Shorten(login));
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync("anonymous", "sign-in-locked", details: "login " + Shorten(login));
            return Back("locked");
        }

        // The provider's claims decide roles and groups at every sign-in: a change is an account change like the CLI's.
        var (hadRoles, hadGroups) = (await users.GetRolesAsync(user), user.GroupList);
        if (!hadRoles.Order(StringComparer.Ordinal).SequenceEqual(roles.Order(StringComparer.Ordinal)) || !hadGroups.Order(StringComparer.Ordinal).SequenceEqual(groups.Order(StringComparer.Ordinal)))
        {
            await accounts.SetRolesAndGroupsAsync(user, roles, groups);
            await audit.WriteAsync(user.UserName!, "sso-role", details: $"{user.UserName} as {string.Join(",", roles.Order(StringComparer.Ordinal))}"
                + (groups.Count > 0 ? "; groups " + StaffGroups.Join(groups) : ""));
        }

        await signIn.SignInAsync(user, isPersistent: false, StaffOidcOptions.Scheme);
        await audit.WriteAsync(user.UserName!, "sign-in", details: "sso");
        return TypedResults.LocalRedirect(SignInApi.LocalUrl(returnUrl));
    }

    private static IResult Back(string error) => TypedResults.LocalRedirect("/staff/login?error=" + error);

    private static string Shorten(string login) => login.Length <= 64 ? login : login[..64];
}
