using Assistant.Dialogs.Activities;
using Assistant.Dialogs.PersonalManagers;

namespace Assistant.Dialogs.Stores.Postgres;

public sealed class PostgresClientRecordStore(PostgresDatabase database) : IClientRecordStore
{
    public async Task<ClientRecord?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, "SELECT data FROM client_records WHERE channel = @channel AND user_id = @user",
            ("channel", key.Channel), ("user", key.UserId));
        return await command.ExecuteScalarAsync(cancellationToken) is string data ? Sqlite.DialogDatabase.FromJson<ClientRecord>(data) : null;
    }

    public async Task SaveAsync(ClientRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO client_records (channel, user_id, data) VALUES (@channel, @user, @data)
            ON CONFLICT (channel, user_id) DO UPDATE SET data = excluded.data
            """, ("channel", record.Key.Channel), ("user", record.Key.UserId), ("data", Sqlite.DialogDatabase.ToJson(record)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
