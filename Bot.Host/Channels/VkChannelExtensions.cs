using Assistant.Channels.Incoming;
using Assistant.Channels.Vk;
using Assistant.Channels.Vk.Api;
using Assistant.Channels.Vk.Receiving;
using Assistant.Channels.Vk.Sending;
using Assistant.Dialogs.Delivery;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Channels;

public static class VkChannelExtensions
{
    /// <summary>
    /// The VK community channel (section "Vk", docs/channels-vk.md): the API client, the sender the engine replies through,
    /// the inbox and its worker, and either the callback handler or the long-poll receiver. Off (nothing registered) while
    /// Vk:AccessToken is empty; adding it twice registers it once.
    /// </summary>
    public static IHostApplicationBuilder AddVkChannel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(VkOptions.Section);
        var services = builder.Services;
        if (string.IsNullOrWhiteSpace(section[nameof(VkOptions.AccessToken)]) || services.Any(d => d.ServiceType == typeof(VkChannelSender)))
        {
            return builder;
        }

        services.AddOptions<VkOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VkOptions>, VkOptionsValidator>();

        // The default HttpClient logging would write the long-poll key (it is in the URL); our own log events stand instead.
        services.AddHttpClient(VkApiClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHttpClient(VkLongPollClient.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<VkOptions>>().Value.LongPollWait + 15))
            .RemoveAllLoggers();

        services.AddSingleton<VkApiClient>();
        services.AddSingleton<VkClientCapabilities>();
        services.AddSingleton(sp => VkPhrases.Load(sp.GetRequiredService<IOptions<VkOptions>>().Value.PhrasesPath));
        services.AddSingleton<VkChannelSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<VkChannelSender>());
        services.AddIncomingRetry(builder.Configuration);
        services.AddSingleton(_ => new VkInbox());
        services.AddSingleton<VkIntake>();
        services.AddSingleton<IReceivedMessageReplay, VkReceivedReplay>();
        services.AddSingleton<IReceivedMessageReplay, VkOutgoingReplay>();
        services.AddSingleton<VkIncomingHandler>();

        // Registered before the receiver, so it stops after it and finishes what the receiver queued.
        services.AddHostedService<VkUpdateWorker>();
        if (IsLongPoll(section[nameof(VkOptions.Mode)]))
        {
            services.AddSingleton<VkLongPollClient>();
            services.AddHostedService<VkLongPollReceiver>();
        }
        else
        {
            services.AddSingleton<VkCallbackHandler>();
        }

        return builder;
    }

    private static bool IsLongPoll(string? mode) => Enum.TryParse<VkMode>(mode, ignoreCase: true, out var parsed) && parsed == VkMode.LongPoll;
}
