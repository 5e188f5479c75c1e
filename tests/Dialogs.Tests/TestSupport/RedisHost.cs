using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Redis;
using Assistant.Dialogs.Templates;
using Assistant.Dialogs.Throttling;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>
/// One host of a scaled-out deployment, as the app composes it: conversation state, locks, de-duplication and rate limits in
/// Redis, over the durable stores given; the web chat recorded.
/// </summary>
internal sealed record RedisHost(ConversationEngine Engine, OperatorDesk Desk, RecordingChannelSender Web, DialogStores Stores)
{
    public static RedisHost Create(IConnectionMultiplexer redis, IKnowledgeSearch knowledge, DialogStores durable, RateLimitOptions? limits = null)
    {
        var options = new DialogOptions { RateLimit = limits ?? new RateLimitOptions { BurstSize = 1000 } };
        var web = new RecordingChannelSender("web");
        var stores = durable with
        {
            Conversations = new RedisConversationStore(redis),
            ProcessedMessages = new RedisProcessedMessageStore(redis, TimeSpan.FromHours(1)),
        };
        var services = new DialogServices(knowledge, stores, new RedisConversationLock(redis, TimeSpan.FromSeconds(30)), [web],
            BotPhrases.Load(), Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance,
            new RedisRateLimiter(redis, options.RateLimit));
        return new RedisHost(new ConversationEngine(services), new OperatorDesk(services), web, stores);
    }
}
