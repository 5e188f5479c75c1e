using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Operators;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>
/// An engine and an operator desk as the host wires them: a dialogs.db in a temp folder, the in-process lock, recording
/// senders for the web and Telegram channels, and a clock the test moves by hand (it starts on Tuesday 4 March 2025, 10:00 МСК).
/// </summary>
public sealed class DialogHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset StartTime = new(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(3));

    private readonly TempDirectory _directory = new();

    private DialogHarness(IKnowledgeSearch knowledge, DialogOptions options)
    {
        Knowledge = knowledge;
        Options = options;
        Services = Build();
        Engine = new ConversationEngine(Services);
        Desk = new OperatorDesk(Services);
    }

    public FakeTimeProvider Time { get; } = new(StartTime);

    public IKnowledgeSearch Knowledge { get; }

    public DialogOptions Options { get; }

    public string DatabasePath => _directory.File("dialogs.db");

    public RecordingChannelSender Web { get; } = new("web");

    public RecordingChannelSender Telegram { get; } = new("telegram");

    public DialogServices Services { get; private set; }

    public DialogStores Stores => Services.Stores;

    public ConversationEngine Engine { get; private set; }

    public OperatorDesk Desk { get; private set; }

    /// <summary>On the real seed KB, or on <paramref name="knowledge"/> when given.</summary>
    public static async Task<DialogHarness> StartAsync(Action<DialogOptions>? configure = null, IKnowledgeSearch? knowledge = null)
    {
        var options = new DialogOptions();
        configure?.Invoke(options);
        return new DialogHarness(knowledge ?? await SharedKnowledge.GetAsync(), options);
    }

    /// <summary>A script for one person in one channel.</summary>
    public Flow Flow(string user = "citizen-1", string channel = "web") => TestSupport.Flow.Start(this, new ConversationKey(channel, user));

    public RecordingChannelSender Sender(string channel) => channel == Telegram.Channel ? Telegram : Web;

    public Task<Conversation?> ConversationOf(ConversationKey key) => Stores.Conversations.GetAsync(key, CancellationToken.None);

    /// <summary>A new engine and desk on the same dialogs.db, as after a restart of the host (the channels stay the same).</summary>
    public void Restart()
    {
        Services = Build();
        Engine = new ConversationEngine(Services);
        Desk = new OperatorDesk(Services);
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    private DialogServices Build() => new(Knowledge, DialogStores.Sqlite(DatabasePath), new InProcessConversationLock(), [Web, Telegram],
        BotPhrases.Load(), Microsoft.Extensions.Options.Options.Create(Options), Time, NullLoggerFactory.Instance);
}
