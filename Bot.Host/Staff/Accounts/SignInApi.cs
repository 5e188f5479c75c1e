using Assistant.Bot.Host.Staff.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>
/// The sign-in form's targets. Plain form posts with the anti-forgery token, so the cookie is set by a normal HTTP response and
/// the pages work before any script runs. Every attempt is audited.
/// </summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/staff/account").ExcludeFromDescription();
        account.MapPost("/login", SignInAsync).AllowAnonymous();
        account.MapPost("/login-code", SignInWithCodeAsync).AllowAnonymous();
        account.MapPost("/logout", SignOutAsync);
        return app;
    }

    public static async Task<IResult> SignInAsync([FromForm(Name = "login")] string? login, [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")] string? returnUrl, SignInManager<StaffUser> signIn, AuditLog audit)
    {
        var form = new SignInForm(login, password, returnUrl);
        login = form.Login?.Trim() ?? string.Empty;
        if (login.Length == 0 || string.IsNullOrEmpty(form.Password))
        {
            return Back("missing", form.ReturnUrl);
        }

        var result = await signIn.PasswordSignInAsync(login, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return TypedResults.LocalRedirect("/staff/login?code=1&returnUrl=" + Uri.EscapeDataString(LocalUrl(form.ReturnUrl)));
        }

        return await FinishAsync(result, login, await LandingAsync(signIn, login, form.ReturnUrl), audit);
    }

    /// <summary>Where a member lands when no page was asked for: the queue for operators, the inbox for moderators, the log for admins.</summary>
    private static async Task<string> LandingAsync(SignInManager<StaffUser> signIn, string login, string? returnUrl)
    {
        var url = LocalUrl(returnUrl);
        if (url != "/staff" || await signIn.UserManager.FindByNameAsync(login) is not { } user)
        {
            return url;
        }

        var roles = await signIn.UserManager.GetRolesAsync(user);
        return roles.Contains(StaffRoles.Operator) || roles.Contains(StaffRoles.Supervisor) ? url
            : roles.Contains(StaffRoles.Moderator) ? "/staff/inbox"
            : roles.Contains(StaffRoles.Admin) ? "/staff/audit"
            : url;
    }

    public static async Task<IResult> SignInWithCodeAsync([FromForm(Name = "code")] string? code, [FromForm(Name = "returnUrl")] string? returnUrl,
        SignInManager<StaffUser> signIn, AuditLog audit)
    {
        var form = new SignInCodeForm(code, returnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Back("expired", form.ReturnUrl);
        }

        code = (form.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return result.Succeeded || result.IsLockedOut
            ? await FinishAsync(result, user.UserName!, await LandingAsync(signIn, user.UserName!, form.ReturnUrl), audit)
            : await FailedCodeAsync(user.UserName!, form.ReturnUrl, audit);
    }

    public static async Task<IResult> SignOutAsync(HttpContext context, SignInManager<StaffUser> signIn, AuditLog audit, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        // The form has no other field, so nothing would check its token by itself: a page elsewhere must not sign anyone out.
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest();
        }

        if (context.User.Identity?.Name is { } login)
        {
            await audit.WriteAsync(login, "sign-out");
        }

        if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
        {
            // Gone means not «на месте»: supervisors must not count on them, and personal-manager routing must not wait for them.
            // A new security stamp ends the pages still open in other tabs (they check it) and the cookie everywhere else.
            user.Online = false;
            await signIn.UserManager.UpdateAsync(user);
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/staff/login");
    }

    private static async Task<IResult> FinishAsync(Microsoft.AspNetCore.Identity.SignInResult result, string login, string? returnUrl, AuditLog audit)
    {
        if (result.Succeeded)
        {
            await audit.WriteAsync(login, "sign-in");
            return TypedResults.LocalRedirect(LocalUrl(returnUrl));
        }

        // The login tried goes to the audit log, which only admins and supervisors read; never the password.
        await audit.WriteAsync("anonymous", result.IsLockedOut ? "sign-in-locked" : "sign-in-failed", details: "login " + Shorten(login));
        return Back(result.IsLockedOut ? "locked" : "wrong", returnUrl);
    }

    private static async Task<IResult> FailedCodeAsync(string login, string? returnUrl, AuditLog audit)
    {
        await audit.WriteAsync("anonymous", "sign-in-code-failed", details: "login " + Shorten(login));
        return TypedResults.LocalRedirect("/staff/login?code=1&error=code&returnUrl=" + Uri.EscapeDataString(LocalUrl(returnUrl)));
    }

    private static IResult Back(string error, string? returnUrl) =>
        TypedResults.LocalRedirect($"/staff/login?error={error}&returnUrl={Uri.EscapeDataString(LocalUrl(returnUrl))}");

    /// <summary>Only a path of this site under /staff: a sign-in form must not become an open redirect.</summary>
    internal static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/staff", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url
            : "/staff";

    private static string Shorten(string login) => login.Length <= 64 ? login : login[..64];
}

internal sealed record SignInForm(string? Login, string? Password, string? ReturnUrl);

internal sealed record SignInCodeForm(string? Code, string? ReturnUrl);
