using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Stores.Sqlite;

internal sealed class SqlitePersonIndex(DialogDatabase database) : IPersonIndex
{
    public async Task RecordAsync(string conversationId, ConversationKey person, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection,
            "INSERT INTO conversation_people (conversation_id, channel, user_id, at) VALUES ($id, $channel, $user, $at) ON CONFLICT DO NOTHING",
            ("$id", conversationId), ("$channel", person.Channel), ("$user", person.UserId), ("$at", DialogDatabase.Time(at)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ConversationsOfAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        // Conversations from before the index existed are found in the conversations table, which keeps the person's key.
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, """
            SELECT conversation_id FROM conversation_people WHERE channel = $channel AND user_id = $user
            UNION SELECT id FROM conversations WHERE channel = $channel AND user_id = $user
            """, ("$channel", person.Channel), ("$user", person.UserId));
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
