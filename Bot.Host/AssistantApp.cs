using Assistant.Bot.Host.Health;
using Assistant.Bot.Host.Channels;
using Assistant.Bot.Host.Dialogs;
using Assistant.Bot.Host.Knowledge;
using Assistant.Bot.Host.Metrics;
using Assistant.Bot.Host.Retention;
using Assistant.Bot.Host.Operators;
using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Accounts;
using Assistant.Bot.Host.Staff.Pages;
using Assistant.Bot.Host.Staff.Requests;
using Assistant.Bot.Host.Staff.Inbox;
using Assistant.Bot.Host.Staff.Dashboards;
using Assistant.Bot.Host.Staff.KbEditor;
using Assistant.Bot.Host.WebChat;

namespace Assistant.Bot.Host;

/// <summary>The web app's composition: one place, used by Program and by tests that start a real server.</summary>
public static class AssistantApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings and the widget's files sit beside the binary; the working directory is only where ./data goes.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,

            // Named, so the static web assets manifests (Bot.Host.staticwebassets.*.json) are found when a test host runs the app.
            ApplicationName = typeof(AssistantApp).Assembly.GetName().Name,
        });

        // The console's framework script (_framework/blazor.web.js) comes from the build's static web assets manifest in every
        // environment, not only Development; a published app has it in wwwroot and no manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.AddKnowledge();
        builder.AddDialogs();
        builder.AddTelegramChannel();
        builder.AddVkChannel();
        builder.AddStaffWorkspace();
        builder.AddRetention();
        builder.AddAssistantHealthChecks();
        builder.AddAssistantMetrics();
        builder.Services.AddOpenApi(o => o.DescribeStaffSecurity());
        configure?.Invoke(builder);

        var app = builder.Build();
        WarnAboutSharedKeys(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();

        // Routing after the files: the widget's files are served before any endpoint (the 404 fallback included) is chosen.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        // Everything is closed unless opened here: the citizens' channels, health and the API description are public.
        var open = app.MapGroup(string.Empty).AllowAnonymous();
        open.MapOpenApi();
        open.MapHealthApi();
        open.MapAskApi();
        open.MapWebChatApi();
        open.MapTelegramChannel();
        open.MapVkChannel();
        app.MapOperatorApi();
        app.MapModeratorApi();
        app.MapAdminApi();
        app.MapRequestApi();
        app.MapInboxApi();
        app.MapDashboardApi();
        app.MapKbEditorApi();
        app.MapSignInApi();
        app.MapExternalSignInApi();
        app.MapMetrics();
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // An address nothing answers is a 404 for everyone, not a sign-in redirect (the closed-by-default policy is for endpoints).
        app.MapFallback("{*path}", NotFound).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A staff address that does not exist gets a Russian page with the way back (wwwroot/staff/not-found.html); any other a bare 404.</summary>
    private static IResult NotFound(HttpContext context, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("staff/not-found.html");
        if (!context.Request.Path.StartsWithSegments("/staff") || !page.Exists)
        {
            return TypedResults.NotFound();
        }

        using var reader = new StreamReader(page.CreateReadStream());
        return TypedResults.Content(reader.ReadToEnd(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>The shared keys of earlier versions are gone: staff act as themselves, with personal tokens (docs/staff.md).</summary>
    private static void WarnAboutSharedKeys(WebApplication app)
    {
        foreach (var key in new[] { "Operators:ApiKey", "Moderators:ApiKey" })
        {
            if (!string.IsNullOrEmpty(app.Configuration[key]))
            {
                app.Logger.LogWarning("{Setting} is no longer used: create staff accounts and personal tokens with `staff add` and `staff token` (docs/staff.md)", key);
            }
        }
    }
}
