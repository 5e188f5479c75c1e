using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores.Sqlite;
using StackExchange.Redis;

namespace Assistant.Dialogs.Stores.Redis;

/// <summary>
/// Conversation state in Redis, for several hosts: a hash per conversation (JSON, version, state), a pointer from each person's key
/// to their current conversation, a sorted set per state and one per operator group's queue. Saves are compare-and-set on
/// the version in one Lua script, which also keeps the sets in step.
/// </summary>
public sealed class RedisConversationStore(IConnectionMultiplexer redis, string keyPrefix = "assistant:") : IConversationStore
{
    private const string SaveScript = """
        local current = redis.call('HGET', KEYS[1], 'version')
        if ARGV[1] == '0' then
          if current then return 0 end
          redis.call('SET', KEYS[2], ARGV[5])
        else
          if current ~= ARGV[1] then return 0 end
          local previous = redis.call('HMGET', KEYS[1], 'state', 'queue')
          if previous[1] then redis.call('ZREM', ARGV[6] .. previous[1], ARGV[5]) end
          if previous[2] then redis.call('ZREM', previous[2], ARGV[5]) end
        end
        redis.call('HSET', KEYS[1], 'version', ARGV[2], 'data', ARGV[3], 'state', ARGV[4])
        redis.call('ZADD', KEYS[3], ARGV[7], ARGV[5])
        if ARGV[8] == '' then
          redis.call('HDEL', KEYS[1], 'queue')
        else
          redis.call('HSET', KEYS[1], 'queue', ARGV[8])
          redis.call('ZADD', ARGV[8], ARGV[9], ARGV[5])
        end
        return 1
        """;

    // Conversations queued by a version that kept no group queues join their group's queue; does nothing to the others.
    private const string BackfillScript = """
        if redis.call('HGET', KEYS[1], 'state') == 'WaitingForOperator' and not redis.call('HGET', KEYS[1], 'queue') then
          redis.call('HSET', KEYS[1], 'queue', KEYS[2])
          redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
        end
        return 1
        """;

    // The person's current conversation leaves its state set and group queue with its hash and the person's pointer.
    private const string ForgetScript = """
        local id = redis.call('GET', KEYS[1])
        if not id then return 0 end
        local conversation = ARGV[1] .. id
        local previous = redis.call('HMGET', conversation, 'state', 'queue')
        if previous[1] then redis.call('ZREM', ARGV[2] .. previous[1], id) end
        if previous[2] then redis.call('ZREM', previous[2], id) end
        redis.call('DEL', conversation, KEYS[1])
        return 1
        """;

    private readonly RedisKeys _keys = new(keyPrefix);
    private volatile bool _queuesBackfilled;

    private IDatabase Db => redis.GetDatabase();

    public Task<Conversation> GetOrCreateAsync(ConversationKey key, Func<Conversation> create, CancellationToken cancellationToken) =>
        ConversationCreation.GetOrCreateAsync(this, key, create, cancellationToken);

    public async Task<Conversation?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var id = await Db.StringGetAsync(_keys.Current(key));
        return id.IsNullOrEmpty ? null : await GetAsync(id.ToString(), cancellationToken);
    }

    public async Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var json = await Db.HashGetAsync(_keys.Conversation(conversationId), "data");
        return json.IsNullOrEmpty ? null : DialogDatabase.FromJson<Conversation>(json.ToString());
    }

    public async Task<bool> SaveAsync(Conversation conversation, long expectedVersion, CancellationToken cancellationToken)
    {
        var queued = conversation is { State: ConversationState.WaitingForOperator, HandoffGroup: { } group } ? _keys.Queue(group) : "";
        var result = await Db.ScriptEvaluateAsync(SaveScript,
            [_keys.Conversation(conversation.Id), _keys.Current(conversation.Key), _keys.State(conversation.State)],
            [
                expectedVersion, conversation.Version, DialogDatabase.ToJson(conversation), conversation.State.ToString(),
                conversation.Id, _keys.StatePrefix, conversation.LastActivityAt.ToUnixTimeMilliseconds(),
                queued, (conversation.QueuedAt ?? conversation.UpdatedAt).ToUnixTimeMilliseconds(),
            ]);
        return (long)result == 1;
    }

    public async Task<IReadOnlyList<Conversation>> ListByStateAsync(ConversationState state, CancellationToken cancellationToken) =>
        await ReadAsync(await Db.SortedSetRangeByRankAsync(_keys.State(state)), cancellationToken);

    public async Task<IReadOnlyList<Conversation>> ListQueueAsync(string group, CancellationToken cancellationToken)
    {
        await BackfillQueuesOnceAsync(cancellationToken);
        return await ReadAsync(await Db.SortedSetRangeByRankAsync(_keys.Queue(group)), cancellationToken);
    }

    public async Task<int> CountQueueAsync(string group, CancellationToken cancellationToken)
    {
        await BackfillQueuesOnceAsync(cancellationToken);
        return (int)await Db.SortedSetLengthAsync(_keys.Queue(group));
    }

    public async Task<IReadOnlyList<Conversation>> ListIdleAsync(ConversationState state, DateTimeOffset before, CancellationToken cancellationToken) =>
        await ReadAsync(await Db.SortedSetRangeByScoreAsync(_keys.State(state), double.NegativeInfinity, before.ToUnixTimeMilliseconds(), Exclude.Stop), cancellationToken);

    /// <summary>
    /// Once per process: conversations already waiting when this version first ran were saved without a group queue; they are
    /// put into theirs, so operators see them and the queue length counts them. Repeating it (another host, a retry) is harmless.
    /// </summary>
    private async Task BackfillQueuesOnceAsync(CancellationToken cancellationToken)
    {
        if (_queuesBackfilled)
        {
            return;
        }

        var db = Db;
        var waiting = await ListByStateAsync(ConversationState.WaitingForOperator, cancellationToken);
        await Task.WhenAll(waiting.Where(c => c.HandoffGroup is not null).Select(c => db.ScriptEvaluateAsync(BackfillScript,
            [_keys.Conversation(c.Id), _keys.Queue(c.HandoffGroup!)], [(c.QueuedAt ?? c.UpdatedAt).ToUnixTimeMilliseconds(), c.Id])));
        _queuesBackfilled = true;
    }

    /// <summary>All the records in one pipelined batch: one round trip, however many there are.</summary>
    private async Task<IReadOnlyList<Conversation>> ReadAsync(RedisValue[] ids, CancellationToken cancellationToken)
    {
        var db = Db;
        var reads = await Task.WhenAll(ids.Select(id => db.HashGetAsync(_keys.Conversation(id.ToString()), "data")));
        return [.. reads.Where(json => !json.IsNullOrEmpty).Select(json => DialogDatabase.FromJson<Conversation>(json.ToString()))];
    }

    public async Task<int> ForgetAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        var forgotten = await Db.ScriptEvaluateAsync(ForgetScript, [_keys.Current(person)], [_keys.Conversation(""), _keys.StatePrefix]);
        return (int)forgotten;
    }
}
