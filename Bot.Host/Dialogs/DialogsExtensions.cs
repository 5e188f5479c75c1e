using Assistant.Bot.Host.Knowledge;
using Assistant.Bot.Host.WebChat;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Postgres;
using Assistant.Dialogs.Stores.Redis;
using Assistant.Dialogs.Throttling;
using StackExchange.Redis;
using Assistant.Dialogs.Templates;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Dialogs;

public static class DialogsExtensions
{
    /// <summary>
    /// The conversation engine on embedded defaults: conversation state, transcripts, requests and ratings in dialogs.db under
    /// Storage:DataDirectory, an in-process lock, the web chat as the first channel.
    /// </summary>
    public static IHostApplicationBuilder AddDialogs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DialogOptions>().Bind(builder.Configuration.GetSection(DialogOptions.Section))
            .Validate(o => !DialogOptionsValidator.Errors(o).Any(), "Invalid Dialogs settings (see docs/dialogs.md)")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        var redis = builder.Configuration.GetConnectionString("Redis");
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddSingleton(_ => new PostgresDatabase(postgres));
        }

        // The embedded default keeps everything in dialogs.db; ConnectionStrings:Postgres moves the durable records out of it.
        DialogStores LocalStores(IServiceProvider sp)
        {
            var stores = string.IsNullOrWhiteSpace(postgres)
                ? DialogStores.Sqlite(DialogsDatabasePath(sp))
                : DialogStores.Sqlite(DialogsDatabasePath(sp)).WithDurableRecordsIn(sp.GetRequiredService<PostgresDatabase>());

            // Dashboard counters are written in batches (StatisticsFlusher), never by the citizen's turn itself.
            return stores with { Statistics = new Assistant.Dialogs.Statistics.BufferedStatisticsStore(stores.Statistics) };
        }

        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton(LocalStores);
            services.AddSingleton<IConversationLock, InProcessConversationLock>();
            services.AddSingleton<IRateLimiter>(sp => new TokenBucketLimiter(sp.GetRequiredService<IOptions<DialogOptions>>().Value.RateLimit));
            services.AddSingleton<WebChatHub>();
        }
        else
        {
            // Scale-out: conversation state, locks, de-duplication, rate limits and the web chat backplane in Redis; durable records
            // stay where LocalStores keeps them (PostgreSQL when configured, which several machines can share).
            var configuration = ConfigurationOptions.Parse(redis);
            configuration.AbortOnConnectFail = false;

            // Keys hold channel user ids («web:0b7e…»): an exception message quoting them would carry them into the logs.
            configuration.IncludeDetailInExceptions = false;
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
            services.AddSingleton(sp => LocalStores(sp) with
            {
                Conversations = new RedisConversationStore(sp.GetRequiredService<IConnectionMultiplexer>()),
                ProcessedMessages = new RedisProcessedMessageStore(sp.GetRequiredService<IConnectionMultiplexer>(),
                    sp.GetRequiredService<IOptions<DialogOptions>>().Value.ProcessedMessageRetention),
            });
            services.AddSingleton<IConversationLock>(sp => new RedisConversationLock(sp.GetRequiredService<IConnectionMultiplexer>(), TimeSpan.FromSeconds(30)));
            services.AddSingleton<IRateLimiter>(sp => new RedisRateLimiter(sp.GetRequiredService<IConnectionMultiplexer>(),
                sp.GetRequiredService<IOptions<DialogOptions>>().Value.RateLimit));
            services.AddSingleton(sp =>
            {
                var hub = new WebChatHub();
                hub.UseBackplane(new RedisWebChatBackplane(sp.GetRequiredService<IConnectionMultiplexer>(), hub));
                return hub;
            });
        }

        services.AddSingleton(sp => BotPhrases.Load(sp.GetRequiredService<IOptions<DialogOptions>>().Value.PhrasesPath));
        services.AddSingleton<IChannelSender, WebChatSender>();
        services.AddSingleton<DialogServices>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<OperatorDesk>();
        services.AddSingleton<Assistant.Dialogs.Requests.RequestDesk>();
        services.AddHostedService<InactivityCloser>();
        services.AddHostedService<StatisticsFlusher>();
        return builder;
    }

    private static string DialogsDatabasePath(IServiceProvider services) =>
        Path.Combine(Path.GetFullPath(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory), "dialogs.db");
}
