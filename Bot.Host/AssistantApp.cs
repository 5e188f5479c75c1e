using Assistant.Bot.Host.Health;
using Assistant.Bot.Host.Channels;
using Assistant.Bot.Host.Dialogs;
using Assistant.Bot.Host.Knowledge;
using Assistant.Bot.Host.Operators;
using Assistant.Bot.Host.WebChat;

namespace Assistant.Bot.Host;

/// <summary>The web app's composition: one place, used by Program and by tests that start a real server.</summary>
public static class AssistantApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings and the widget's files sit beside the binary; the working directory is only where ./data goes.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.AddKnowledge();
        builder.AddDialogs();
        builder.AddTelegramChannel();
        builder.AddVkChannel();
        builder.Services.AddOptions<OperatorOptions>().Bind(builder.Configuration.GetSection(OperatorOptions.Section));
        builder.Services.AddOptions<ModeratorOptions>().Bind(builder.Configuration.GetSection(ModeratorOptions.Section));
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapAskApi();
        app.MapWebChatApi();
        app.MapOperatorApi();
        app.MapModeratorApi();
        app.MapTelegramChannel();
        app.MapVkChannel();
        return app;
    }
}
