using Assistant.Channels.Incoming;
using Assistant.Channels.Telegram;
using Assistant.Dialogs.Delivery;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Channels;

public static class TelegramChannelExtensions
{
    /// <summary>
    /// The Telegram channel (docs/channels-telegram.md): off without Telegram:BotToken; otherwise the outbox, the update queue
    /// and its processor, the start-up setup, and long polling when Telegram:Mode is polling. Calling it twice is harmless.
    /// </summary>
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelegramOptions.Section);
        var services = builder.Services;
        if (string.IsNullOrWhiteSpace(section[nameof(TelegramOptions.BotToken)]) || services.Any(d => d.ServiceType == typeof(TelegramUpdateQueue)))
        {
            return builder;
        }

        services.AddOptions<TelegramOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton(sp => TelegramBotClientFactory.Create(sp.GetRequiredService<IOptions<TelegramOptions>>()));
        services.AddSingleton(sp => TelegramPhrases.Load(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PhrasesPath));
        services.AddSingleton<UnreachableChats>();
        services.AddSingleton<TelegramBotIdentity>();
        services.AddIncomingRetry(builder.Configuration);
        services.AddSingleton<TelegramUpdateQueue>();
        services.AddSingleton<TelegramWebhookReceiver>();
        services.AddSingleton<IReceivedMessageReplay, TelegramReceivedReplay>();
        services.AddSingleton<IReceivedMessageReplay, TelegramOutgoingReplay>();
        services.AddSingleton<CallbackPayloads>();
        services.AddSingleton<TelegramReplies>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<IChannelSender, TelegramSender>();

        // Hosted services stop in reverse order: polling first (nothing new comes in), then the processor finishes the queue,
        // then the outbox sends what the processor said.
        services.AddSingleton<TelegramOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramOutbox>());
        services.AddHostedService<TelegramUpdateProcessor>();
        services.AddHostedService<TelegramBotSetup>();
        services.AddHostedService<TelegramPolling>();
        return builder;
    }
}
