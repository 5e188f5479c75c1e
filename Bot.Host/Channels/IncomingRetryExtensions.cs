using Assistant.Channels.Incoming;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Bot.Host.Channels;

public static class IncomingRetryExtensions
{
    /// <summary>
    /// What the messenger channels share, added once: the retry of received messages (Channels:IncomingRetry) and the keeping of
    /// received messages until processed, with its recovery. Called before a channel adds its workers, so the recovery stops
    /// after them and releases what they abandoned.
    /// </summary>
    public static IServiceCollection AddIncomingRetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IncomingRetryOptions>().Bind(configuration.GetSection(IncomingRetryOptions.Section))
            .Validate(o => o.Window >= TimeSpan.Zero && o.FirstDelay > TimeSpan.Zero && o.MaxDelay >= o.FirstDelay,
                "Channels:IncomingRetry needs Window ≥ 0, FirstDelay > 0 and MaxDelay ≥ FirstDelay")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IncomingRetry>();
        services.TryAddSingleton<ReceivedMessages>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReceivedMessageRecovery>());
        return services;
    }
}
