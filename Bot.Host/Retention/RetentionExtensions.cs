using Assistant.Dialogs.Retention;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Retention;

/// <summary>Retention of personal data (section "Retention"): the purge, and the background service that runs it.</summary>
public static class RetentionExtensions
{
    public static IHostApplicationBuilder AddRetention(this IHostApplicationBuilder builder, bool inBackground = true)
    {
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Errors().Any(), "Invalid Retention settings (see docs/personal-data.md)")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new RetentionPurge(
            sp.GetRequiredService<DialogStores>().Purge ?? throw new InvalidOperationException("The dialog stores have no purge."),
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Assistant.Retention")));
        if (inBackground)
        {
            builder.Services.AddHostedService<RetentionService>();
        }

        return builder;
    }
}
