using Assistant.Dialogs.Stores.Postgres;
using Assistant.Dialogs.Stores.Sqlite;

namespace Assistant.Dialogs.Stores;

/// <summary>
/// The stores the engine works with. The embedded default keeps all of them in one SQLite file; a scale-out host replaces
/// the conversation and processed-message stores (and the lock) with shared ones and keeps the durable records where they are.
/// </summary>
public sealed record DialogStores(
    IConversationStore Conversations,
    ITranscriptStore Transcripts,
    IProcessedMessageStore ProcessedMessages,
    IWrittenRequestStore Requests,
    IRatingStore Ratings,
    IReceivedMessageStore ReceivedMessages,
    IClientRecordStore Clients,
    IUnansweredStore Unanswered,
    IStatisticsStore Statistics)
{
    /// <summary>Deletes what is older than its retention period (see <see cref="Retention.RetentionPurge"/>).</summary>
    public Retention.IRecordPurge? Purge { get; init; }

    /// <summary>Which conversations are whose, for a person's data export and erasure.</summary>
    public IPersonIndex? People { get; init; }

    /// <summary>All stores in the SQLite file at <paramref name="databasePath"/> (created with its schema when missing).</summary>
    public static DialogStores Sqlite(string databasePath)
    {
        var database = new DialogDatabase(databasePath);
        return new DialogStores(
            new SqliteConversationStore(database),
            new SqliteTranscriptStore(database),
            new SqliteProcessedMessageStore(database),
            new SqliteWrittenRequestStore(database),
            new SqliteRatingStore(database),
            new SqliteReceivedMessageStore(database),
            new SqliteClientRecordStore(database),
            new SqliteUnansweredStore(database),
            new SqliteStatisticsStore(database))
        {
            Purge = new SqliteRecordPurge(database),
            People = new SqlitePersonIndex(database),
        };
    }

    /// <summary>
    /// These stores with the durable records (transcripts, written requests, ratings, processed message ids, received messages not
    /// yet processed, client records) in PostgreSQL.
    /// </summary>
    public DialogStores WithDurableRecordsIn(PostgresDatabase database) => this with
    {
        Transcripts = new PostgresTranscriptStore(database),
        ProcessedMessages = new PostgresProcessedMessageStore(database),
        Requests = new PostgresWrittenRequestStore(database),
        Ratings = new PostgresRatingStore(database),
        ReceivedMessages = new PostgresReceivedMessageStore(database),
        Clients = new PostgresClientRecordStore(database),
        Unanswered = new PostgresUnansweredStore(database),
        Statistics = new PostgresStatisticsStore(database),
        Purge = new PostgresRecordPurge(database, Purge),
        People = new PostgresPersonIndex(database, People),
    };
}
