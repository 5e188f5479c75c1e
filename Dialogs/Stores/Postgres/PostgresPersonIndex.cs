using Assistant.Dialogs.Activities;

namespace Assistant.Dialogs.Stores.Postgres;

internal sealed class PostgresPersonIndex(PostgresDatabase database, IPersonIndex? local) : IPersonIndex
{
    public async Task RecordAsync(string conversationId, ConversationKey person, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection,
            "INSERT INTO conversation_people (conversation_id, channel, user_id, at) VALUES (@id, @channel, @user, @at) ON CONFLICT DO NOTHING",
            ("id", conversationId), ("channel", person.Channel), ("user", person.UserId), ("at", at.ToUniversalTime()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ConversationsOfAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var command = PostgresDatabase.Command(connection, "SELECT conversation_id FROM conversation_people WHERE channel = @channel AND user_id = @user",
                ("channel", person.Channel), ("user", person.UserId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        // Conversation state kept in dialogs.db (no Redis) still names its person there.
        return local is null ? ids : [.. ids.Union(await local.ConversationsOfAsync(person, cancellationToken))];
    }
}
