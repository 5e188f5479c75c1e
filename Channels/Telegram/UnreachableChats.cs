using System.Collections.Concurrent;

namespace Assistant.Channels.Telegram;

/// <summary>
/// Chats that blocked the bot, removed it or are gone. Messages to them are dropped instead of being retried; the record
/// is cleared as soon as the chat writes again (the person unblocked the bot). Kept in memory: after a restart the first
/// message to such a chat fails once more and records it again.
/// </summary>
public sealed class UnreachableChats(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, UnreachableChat> _chats = new();

    public bool Contains(long chatId) => _chats.ContainsKey(chatId);

    public UnreachableChat? Find(long chatId) => _chats.GetValueOrDefault(chatId);

    public IReadOnlyCollection<UnreachableChat> All => [.. _chats.Values];

    public UnreachableChat Record(long chatId, int errorCode, string description) =>
        _chats[chatId] = new UnreachableChat(chatId, errorCode, description, time.GetUtcNow());

    public void Clear(long chatId) => _chats.TryRemove(chatId, out _);
}
