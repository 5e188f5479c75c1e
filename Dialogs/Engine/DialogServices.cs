using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Handoff;
using Assistant.Dialogs.Intents;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Assistant.Dialogs.Throttling;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Dialogs.Engine;

/// <summary>
/// What the engine and the operator desk work with: the KB, the stores, the lock, the channel senders, the phrases, the options
/// and the clock. The host builds one and passes it to <see cref="ConversationEngine"/> and <see cref="Operators.OperatorDesk"/>.
/// </summary>
public sealed class DialogServices
{
    private readonly IReadOnlyDictionary<string, IChannelSender> _senders;

    public DialogServices(
        IKnowledgeSearch knowledge,
        DialogStores stores,
        IConversationLock conversationLock,
        IEnumerable<IChannelSender> senders,
        BotPhrases phrases,
        IOptions<DialogOptions> options,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IRateLimiter? rateLimiter = null,
        IEnumerable<IConversationObserver>? observers = null,
        PersonalManagers.IOperatorAvailability? availability = null)
    {
        var errors = DialogOptionsValidator.Errors(options.Value).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dialog options: " + string.Join(" ", errors), nameof(options));
        }

        Knowledge = knowledge;
        Stores = stores;
        Locks = conversationLock;
        Phrases = phrases;
        Options = options.Value;
        Time = time;
        Logger = loggerFactory.CreateLogger(DialogTelemetry.SourceName);
        _senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
        RateLimiter = rateLimiter ?? new TokenBucketLimiter(Options.RateLimit);
        Masker = new PersonalDataMasker();
        Intents = new IntentRecognizer(phrases);
        Hours = new OperatorHours(Options.Hours, phrases);
        Observers = [.. observers ?? []];
        PersonalManagers = new PersonalManagers.PersonalManagerRouting(this, availability);
        Unanswered = new Learning.UnansweredCapture(this);
        Statistics = new Statistics.ServiceStatistics(this);
        Sessions = new ConversationSessions(this);
        Closer = new ConversationCloser(this);
    }

    public IKnowledgeSearch Knowledge { get; }

    public DialogStores Stores { get; }

    public IConversationLock Locks { get; }

    public BotPhrases Phrases { get; }

    public DialogOptions Options { get; }

    public TimeProvider Time { get; }

    public OperatorHours Hours { get; }

    /// <summary>Per-person message budget: in process unless the host passes a shared one.</summary>
    public IRateLimiter RateLimiter { get; }

    internal IReadOnlyList<IConversationObserver> Observers { get; }

    internal PersonalManagers.PersonalManagerRouting PersonalManagers { get; }

    internal Learning.UnansweredCapture Unanswered { get; }

    internal Statistics.ServiceStatistics Statistics { get; }

    internal ILogger Logger { get; }

    internal PersonalDataMasker Masker { get; }

    internal IntentRecognizer Intents { get; }

    internal ConversationSessions Sessions { get; }

    internal ConversationCloser Closer { get; }

    internal DateTimeOffset Now => Time.GetUtcNow();

    internal IChannelSender? SenderFor(string channel) => _senders.GetValueOrDefault(channel);
}
