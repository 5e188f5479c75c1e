using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>"Authorization: Bearer ast_…": a personal API token signs the request in as its account, with the account's roles.</summary>
public sealed class StaffTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StaffTokens tokens,
    UserManager<StaffUser> users,
    IUserClaimsPrincipalFactory<StaffUser> claims,
    Audit.AuditLog audit)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaffToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header[prefix.Length..].Trim();
        var userId = await tokens.FindUserIdAsync(token, Context.RequestAborted);
        if (userId is null || await users.FindByIdAsync(userId) is not { } user)
        {
            // A revoked token still in use is worth an administrator's attention; a token nobody was issued is not written
            // down (guessing must not be able to fill the log).
            if (await tokens.FindRevokedUserIdAsync(token, Context.RequestAborted) is { } owner && await users.FindByIdAsync(owner) is { } account
                && tokens.RefusalDue(token))
            {
                await audit.WriteAsync(account.UserName!, "token-refused", details: "revoked");
            }

            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        if (await users.IsLockedOutAsync(user))
        {
            if (tokens.RefusalDue(token))
            {
                await audit.WriteAsync(user.UserName!, "token-refused", details: "account locked");
            }

            return AuthenticateResult.Fail("The account is locked.");
        }

        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
