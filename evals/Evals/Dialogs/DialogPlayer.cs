using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Evals.Dialogs;

/// <summary>
/// Plays dialogs through the conversation engine as the web chat does (a message activity of channel "web" per turn, replies
/// through the channel's sender), on a throw-away dialogs.db, and reads what the citizen received on each turn.
/// </summary>
public sealed class DialogPlayer : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assistant-dialogs-eval-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingSender _sender = new();
    private readonly ManualClock _clock;
    private readonly DialogServices _services;
    private readonly ConversationEngine _engine;

    public DialogPlayer(IKnowledgeSearch knowledge, BotPhrases phrases, DialogOptions options, DateTimeOffset start)
    {
        Directory.CreateDirectory(_directory);
        _clock = new ManualClock(start);
        _services = new DialogServices(knowledge, DialogStores.Sqlite(Path.Combine(_directory, "dialogs.db")), new InProcessConversationLock(), [_sender],
            phrases, Microsoft.Extensions.Options.Options.Create(options), _clock, NullLoggerFactory.Instance);
        _engine = new ConversationEngine(_services);
    }

    /// <summary>Plays one dialog as a new visitor; returns what each turn got.</summary>
    public async Task<IReadOnlyList<PlayedTurn>> PlayAsync(EvalDialog dialog, CancellationToken cancellationToken)
    {
        var key = new ConversationKey("web", "eval-" + dialog.Id + "-" + Guid.NewGuid().ToString("N")[..8]);
        var played = new List<PlayedTurn>(dialog.Turns.Count);
        foreach (var turn in dialog.Turns)
        {
            // People take a while to read and type; the gap also keeps the per-person rate limit out of the way.
            _clock.Advance(TimeSpan.FromSeconds(20));
            var before = _sender.CountTo(key);
            await _engine.ProcessAsync(new Activity
            {
                Channel = key.Channel,
                UserId = key.UserId,
                Type = ActivityType.Message,
                MessageId = Guid.NewGuid().ToString("N"),
                Text = turn.User,
                Timestamp = _clock.GetUtcNow(),
            }, cancellationToken);
            var conversation = await _services.Stores.Conversations.GetAsync(key, cancellationToken);
            played.Add(Read(_sender.To(key).Skip(before).ToList(), conversation?.LastArticleId));
        }

        return played;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The move of a turn from its messages: an answer or a clarify outweighs the greeting that may precede it.</summary>
    private static PlayedTurn Read(IReadOnlyList<OutgoingMessage> messages, string? lastArticleId)
    {
        var reply = string.Join(" / ", messages.Select(m => $"{m.Kind}: {Shorten(m.Text)}"));
        if (messages.Any(m => m.Kind == MessageKind.Answer))
        {
            return new PlayedTurn(BotMove.Answer, lastArticleId, [], reply);
        }

        if (messages.FirstOrDefault(m => m.Kind == MessageKind.Clarify) is { } clarify)
        {
            return new PlayedTurn(BotMove.Clarify, null, [.. clarify.Buttons.Select(b => ButtonPayloads.ArticleId(b.Payload)).OfType<string>()], reply);
        }

        BotMove move = messages.Select(m => m.Kind).ToHashSet() switch
        {
            var kinds when kinds.Contains(MessageKind.HandoffNotice) => BotMove.Handoff,
            var kinds when kinds.Contains(MessageKind.Fallback) => BotMove.Fallback,
            var kinds when kinds.Contains(MessageKind.SmallTalk) => BotMove.SmallTalk,
            var kinds when kinds.Contains(MessageKind.Greeting) => BotMove.Greeting,
            _ => BotMove.Other,
        };
        return new PlayedTurn(move, null, [], reply);
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 70 ? line : line[..70] + "…";
    }

    private sealed class CapturingSender : IChannelSender
    {
        private readonly Dictionary<ConversationKey, List<OutgoingMessage>> _sent = [];

        public string Channel => "web";

        public int CountTo(ConversationKey key)
        {
            lock (_sent)
            {
                return _sent.TryGetValue(key, out var list) ? list.Count : 0;
            }
        }

        public IReadOnlyList<OutgoingMessage> To(ConversationKey key)
        {
            lock (_sent)
            {
                return _sent.TryGetValue(key, out var list) ? [.. list] : [];
            }
        }

        public Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken)
        {
            lock (_sent)
            {
                if (!_sent.TryGetValue(to, out var list))
                {
                    _sent[to] = list = [];
                }

                list.Add(message);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
