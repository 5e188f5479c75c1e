namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>
/// Section "Staff:Oidc": optional single sign-on through an OpenID Connect provider. Off unless Authority is set. Roles and
/// groups come from the configured claims on every sign-in (the provider is their source of truth); see docs/staff.md.
/// </summary>
public sealed class StaffOidcOptions
{
    public const string Section = "Staff:Oidc";

    public const string Scheme = "oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The sign-in button's text on «Вход».</summary>
    public string DisplayName { get; set; } = "Войти через единый вход";

    /// <summary>The claim with the login shown in transcripts and the audit log.</summary>
    public string LoginClaim { get; set; } = "preferred_username";

    /// <summary>The claim whose values are role names: operator, moderator, supervisor, admin (others are ignored).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim whose values are skill groups.</summary>
    public string GroupClaim { get; set; } = "groups";

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    /// <summary>Only for a provider on loopback in tests and trials: production providers are HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
