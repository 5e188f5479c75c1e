using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Microsoft.Data.Sqlite;

namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>
/// Conversations in dialogs.db: the record as JSON, with the columns searched on (key, state, version, the handoff group in lower
/// case, since SQLite folds only ASCII letters) beside it.
/// </summary>
public sealed class SqliteConversationStore(DialogDatabase database) : IConversationStore
{
    public Task<Conversation> GetOrCreateAsync(ConversationKey key, Func<Conversation> create, CancellationToken cancellationToken) =>
        ConversationCreation.GetOrCreateAsync(this, key, create, cancellationToken);

    public async Task<Conversation?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection,
            "SELECT data FROM conversations WHERE channel = $channel AND user_id = $user ORDER BY rowid DESC LIMIT 1",
            ("$channel", key.Channel), ("$user", key.UserId));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? DialogDatabase.FromJson<Conversation>(json) : null;
    }

    public async Task<Conversation?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, "SELECT data FROM conversations WHERE id = $id", ("$id", conversationId));
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? DialogDatabase.FromJson<Conversation>(json) : null;
    }

    public async Task<bool> SaveAsync(Conversation conversation, long expectedVersion, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        (string, object?)[] values =
        [
            ("$id", conversation.Id), ("$channel", conversation.Key.Channel), ("$user", conversation.Key.UserId),
            ("$state", conversation.State.ToString()), ("$group", conversation.HandoffGroup?.ToLowerInvariant()), ("$version", conversation.Version),
            ("$created", DialogDatabase.Time(conversation.CreatedAt)), ("$updated", DialogDatabase.Time(conversation.UpdatedAt)),
            ("$active", DialogDatabase.Time(conversation.LastActivityAt)), ("$data", DialogDatabase.ToJson(conversation)),
            ("$expected", expectedVersion),
        ];

        if (expectedVersion == 0)
        {
            await using var insert = DialogDatabase.Command(connection, """
                INSERT INTO conversations (id, channel, user_id, state, handoff_group, version, created_at, updated_at, last_activity_at, data)
                VALUES ($id, $channel, $user, $state, $group, $version, $created, $updated, $active, $data)
                ON CONFLICT (id) DO NOTHING
                """, values);
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        await using var update = DialogDatabase.Command(connection, """
            UPDATE conversations SET state = $state, handoff_group = $group, version = $version, updated_at = $updated,
                last_activity_at = $active, data = $data
            WHERE id = $id AND version = $expected
            """, values);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Conversation>> ListByStateAsync(ConversationState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, "SELECT data FROM conversations WHERE state = $state ORDER BY rowid", ("$state", state.ToString()));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<Conversation>> ListQueueAsync(string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection,
            "SELECT data FROM conversations WHERE state = $state AND handoff_group = $group ORDER BY rowid",
            ("$state", nameof(ConversationState.WaitingForOperator)), ("$group", group.ToLowerInvariant()));
        return [.. (await ReadAllAsync(command, cancellationToken)).OrderBy(c => c.QueuedAt ?? c.UpdatedAt)];
    }

    public async Task<int> CountQueueAsync(string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection,
            "SELECT COUNT(*) FROM conversations WHERE state = $state AND handoff_group = $group",
            ("$state", nameof(ConversationState.WaitingForOperator)), ("$group", group.ToLowerInvariant()));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<Conversation>> ListIdleAsync(ConversationState state, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // julianday() reads the stored ISO 8601 times with their offsets, so the comparison holds whatever offset was written.
        await using var command = DialogDatabase.Command(connection,
            "SELECT data FROM conversations WHERE state = $state AND julianday(last_activity_at) < julianday($before) ORDER BY rowid",
            ("$state", state.ToString()), ("$before", DialogDatabase.Time(before)));
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<Conversation>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var conversations = new List<Conversation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(DialogDatabase.FromJson<Conversation>(reader.GetString(0)));
        }

        return conversations;
    }

    public async Task<int> ForgetAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection, "DELETE FROM conversations WHERE channel = $channel AND user_id = $user",
            ("$channel", person.Channel), ("$user", person.UserId));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
