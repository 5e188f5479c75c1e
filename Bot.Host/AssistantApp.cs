using Assistant.Bot.Host.Health;
using Assistant.Bot.Host.Knowledge;

namespace Assistant.Bot.Host;

/// <summary>The web app's composition: one place, used by Program and by tests that start a real server.</summary>
public static class AssistantApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddKnowledge();
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapAskApi();
        return app;
    }
}
