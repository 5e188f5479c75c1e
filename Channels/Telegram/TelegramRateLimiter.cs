namespace Assistant.Channels.Telegram;

/// <summary>
/// Telegram's limits for bots (Bots FAQ): about one message a second in a chat, at most 20 a minute in a group, about 30 a
/// second in all. Each chat's lane asks before every message; nothing here sleeps, it only says how long to wait.
/// </summary>
internal sealed class TelegramRateLimiter(TimeProvider time)
{
    public static readonly TimeSpan PerChatInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);

    public const int GroupMessagesPerWindow = 20;

    public const int MessagesPerSecond = 30;

    private static readonly TimeSpan OverallInterval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / MessagesPerSecond);

    private const int PruneEvery = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatPace> _chats = [];
    private DateTimeOffset _nextOverall = DateTimeOffset.MinValue;
    private int _sinceLastPrune;

    /// <summary>How long <paramref name="chatId"/> must wait before its next message; zero when it may have one now.</summary>
    public TimeSpan UntilChatMayReceive(long chatId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var pace))
            {
                return TimeSpan.Zero;
            }

            var ready = pace.LastSent + PerChatInterval;
            if (pace.GroupSends is { } sends)
            {
                while (sends.Count > 0 && sends.Peek() + GroupWindow <= now)
                {
                    sends.Dequeue();
                }

                if (sends.Count >= GroupMessagesPerWindow)
                {
                    ready = Later(ready, sends.Peek() + GroupWindow);
                }
            }

            return ready > now ? ready - now : TimeSpan.Zero;
        }
    }

    /// <summary>Takes the next slot of the bot's overall rate and returns how long to wait for it.</summary>
    public TimeSpan TakeOverallSlot()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var slot = Later(now, _nextOverall);
            _nextOverall = slot + OverallInterval;
            return slot - now;
        }
    }

    /// <summary>Records a message to <paramref name="chatId"/> going out now.</summary>
    public void Sent(long chatId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var pace))
            {
                pace = new ChatPace { GroupSends = TelegramChannel.IsGroup(chatId) ? new Queue<DateTimeOffset>() : null };
                _chats[chatId] = pace;
            }

            pace.LastSent = now;
            pace.GroupSends?.Enqueue(now);
            if (++_sinceLastPrune >= PruneEvery)
            {
                _sinceLastPrune = 0;
                Prune(now);
            }
        }
    }

    /// <summary>Forgets chats quiet for longer than any limit looks back, so the table stays as small as the set of active chats.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (chatId, pace) in _chats.ToList())
        {
            if (pace.LastSent + GroupWindow <= now)
            {
                _chats.Remove(chatId);
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class ChatPace
    {
        public DateTimeOffset LastSent { get; set; }

        /// <summary>For groups: when each message of the last minute went out, oldest first.</summary>
        public Queue<DateTimeOffset>? GroupSends { get; init; }
    }
}
