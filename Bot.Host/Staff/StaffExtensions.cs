using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Assistant.Bot.Host.Knowledge;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Bot.Host.Staff.Console;
using Assistant.Dialogs.Engine;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Staff;

public static class StaffExtensions
{
    /// <summary>The policy scheme every staff endpoint uses: a bearer token when the request carries one, else the sign-in cookie.</summary>
    public const string Scheme = "Staff";

    /// <summary>
    /// Staff accounts, tokens and the audit log, without the web parts (the CLI uses this). staff.db under Storage:DataDirectory,
    /// or the PostgreSQL database of ConnectionStrings:Postgres.
    /// </summary>
    public static IHostApplicationBuilder AddStaffAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        services.AddOptions<StaffOptions>().Bind(builder.Configuration.GetSection(StaffOptions.Section))
            .Validate(o => o.MaxConversationsPerOperator > 0 && o.FirstResponseTarget > TimeSpan.Zero && o.QueueLimit >= o.FirstResponseTarget
                && o.AuditRetention > TimeSpan.Zero && o.MaxFailedSignIns > 0, "Invalid Staff settings (see docs/staff.md)")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                var directory = Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory);
                Directory.CreateDirectory(directory);
                options.UseSqlite($"Data Source={Path.Combine(directory, "staff.db")}");
            }
            else
            {
                options.UseNpgsql(postgres);
            }
        }

        services.AddDbContextFactory<StaffDbContext>(Configure);
        services.AddDbContext<StaffDbContext>(Configure, optionsLifetime: ServiceLifetime.Singleton);
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaims>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffOptions>>((identity, staff) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = staff.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = staff.Value.LockoutTime;
        });
        // Cookies must open on every host and survive a restart: the keys live with the accounts (PostgreSQL when scaled out).
        var dataProtection = services.AddDataProtection().SetApplicationName("Assistant").PersistKeysToDbContext<StaffDbContext>();

        // Whoever reads those keys could forge a staff sign-in: with a certificate they are stored encrypted with it.
        if (builder.Configuration[$"{StaffOptions.Section}:KeyCertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(LoadKeyCertificate(certificatePath, builder.Configuration[$"{StaffOptions.Section}:KeyCertificatePassword"]));
        }
        services.AddSingleton<StaffTokens>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Assistant.Bot.Host.Staff.KbEditor.ArticleHistory>();
        services.AddSingleton<Assistant.Bot.Host.Staff.KbEditor.CuratedQuestion>();
        services.AddScoped<StaffAccounts>();
        return builder;
    }

    /// <summary>Accounts plus sign-in (cookie for pages, bearer token for integrations), role policies and the console's services.</summary>
    public static WebApplicationBuilder AddStaffWorkspace(this WebApplicationBuilder builder)
    {
        // Hosted services start in the order they are added: the staff tables must exist before data protection's own hosted
        // service reads its key ring from them (on a first start it would log an error and start without keys).
        builder.Services.AddHostedService<StaffSchemaInitializer>();
        builder.AddStaffAccounts();
        var services = builder.Services;
        services.AddHostedService<AuditRetention>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Staff account", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? StaffTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, StaffTokenHandler>(StaffTokenHandler.SchemeName, null)
            .AddIdentityCookies();
        var oidc = builder.Configuration.GetSection(StaffOidcOptions.Section).Get<StaffOidcOptions>() ?? new StaffOidcOptions();
        services.AddOptions<StaffOidcOptions>().Bind(builder.Configuration.GetSection(StaffOidcOptions.Section));
        if (oidc.Enabled)
        {
            services.AddAuthentication().AddOpenIdConnect(StaffOidcOptions.Scheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.ClaimActions.MapJsonKey(oidc.RoleClaim, oidc.RoleClaim);
                o.ClaimActions.MapJsonKey(oidc.GroupClaim, oidc.GroupClaim);
                o.ClaimActions.MapUniqueJsonKey(oidc.LoginClaim, oidc.LoginClaim);

                // The answer comes back as a top-level GET, so Lax cookies carry the correlation even on plain-HTTP trials.
                o.ResponseMode = "query";
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
            });
        }

        // «Выйти» or a password reset changes the account's security stamp; checking it on every cookie request (one indexed read)
        // ends the old cookie at once everywhere, instead of after Identity's default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "assistant.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.LoginPath = "/staff/login";
            o.LogoutPath = "/staff/account/logout";
            o.AccessDeniedPath = "/staff/denied";

            // An API call gets a status code, not the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build());
        foreach (var (area, roles) in StaffRoles.AreaRoles)
        {
            authorization.AddPolicy(area, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(roles));
        }

        services.AddCascadingAuthenticationState();
        // A page sends a text box's whole value on each keystroke: SignalR's default 32 KB would drop the connection on a long
        // answer or list of phrasings (about 8,000 Cyrillic characters), losing what was typed.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = 512 * 1024);
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, StaffAuthenticationState>();
        services.AddSingleton<StaffSignals>();
        services.AddSingleton<Presence.OpenConsoles>();
        services.AddSingleton<Presence.PresenceSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<Presence.PresenceSweep>());
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Presence.ConsolePresenceCircuit>();
        services.AddSingleton<StaffNames>();
        services.AddSingleton<AuditWording>();
        services.AddSingleton<QueueSnapshot>();
        services.AddSingleton<IConversationObserver>(sp => sp.GetRequiredService<StaffSignals>());
        services.AddScoped<StaffDesk>();
        services.AddSingleton<Assistant.Dialogs.PersonalManagers.IOperatorAvailability, StaffAvailability>();
        services.AddScoped<Assistant.Bot.Host.Staff.Requests.StaffRequests>();
        services.AddSingleton<Assistant.Bot.Host.Staff.Inbox.UnansweredInbox>();
        services.AddScoped<Assistant.Bot.Host.Staff.Dashboards.DashboardService>();
        services.AddScoped<Assistant.Bot.Host.Staff.Dashboards.ArticleCards>();
        services.AddScoped<Assistant.Bot.Host.Staff.KbEditor.KbEditorService>();
        services.AddScoped<Assistant.Bot.Host.Staff.KbEditor.DraftCheck>();
        return builder;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    private static X509Certificate2 LoadKeyCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new SettingException($"Staff:KeyCertificatePath: {path} has no private key, so the keys could not be read back.");
        }
        catch (CryptographicException e)
        {
            // The loader reports a missing file or a wrong password as a cryptographic error; the inner one says which.
            throw new SettingException($"Staff:KeyCertificatePath: cannot read a PKCS#12 certificate from {path}: {(e.InnerException ?? e).Message}", e);
        }
    }
}
