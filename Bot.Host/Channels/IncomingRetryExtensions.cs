using Assistant.Channels.Incoming;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Bot.Host.Channels;

public static class IncomingRetryExtensions
{
    /// <summary>The retry of received messages shared by the messenger channels (Channels:IncomingRetry); added once.</summary>
    public static IServiceCollection AddIncomingRetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IncomingRetryOptions>().Bind(configuration.GetSection(IncomingRetryOptions.Section))
            .Validate(o => o.Window >= TimeSpan.Zero && o.FirstDelay > TimeSpan.Zero && o.MaxDelay >= o.FirstDelay,
                "Channels:IncomingRetry needs Window ≥ 0, FirstDelay > 0 and MaxDelay ≥ FirstDelay")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IncomingRetry>();
        return services;
    }
}
