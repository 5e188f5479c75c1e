using Assistant.Dialogs.Activities;
using Assistant.Dialogs.PersonalManagers;

namespace Assistant.Dialogs.Stores.Sqlite;

public sealed class SqliteClientRecordStore(DialogDatabase database) : IClientRecordStore
{
    public async Task<ClientRecord?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, "SELECT data FROM client_records WHERE channel = $channel AND user_id = $user",
            ("$channel", key.Channel), ("$user", key.UserId));
        return await command.ExecuteScalarAsync(cancellationToken) is string data ? DialogDatabase.FromJson<ClientRecord>(data) : null;
    }

    public async Task SaveAsync(ClientRecord record, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        await using var command = DialogDatabase.Command(write.Connection, """
            INSERT INTO client_records (channel, user_id, data) VALUES ($channel, $user, $data)
            ON CONFLICT (channel, user_id) DO UPDATE SET data = excluded.data
            """, ("$channel", record.Key.Channel), ("$user", record.Key.UserId), ("$data", DialogDatabase.ToJson(record)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
