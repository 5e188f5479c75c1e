using System.Data.Common;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Requests;
using Assistant.Dialogs.Stores.Sqlite;

namespace Assistant.Dialogs.Stores;

/// <summary>
/// Durable records read back from a row, the same for SQLite and PostgreSQL: the queries select the columns in this order, JSON
/// columns as text, and each store says how it reads a time.
/// </summary>
internal static class DurableRows
{
    /// <summary>sequence, author, kind, text, buttons, source_url, operator_id, at, article_id.</summary>
    public static TranscriptEntry Transcript(DbDataReader row, string conversationId, Func<DbDataReader, int, DateTimeOffset> time) => new()
    {
        ConversationId = conversationId,
        Sequence = row.GetInt64(0),
        From = row.GetString(1),
        Kind = row.IsDBNull(2) ? null : Enum.Parse<MessageKind>(row.GetString(2)),
        Text = row.GetString(3),
        Buttons = DialogDatabase.FromJson<List<QuickReply>>(row.GetString(4)),
        SourceUrl = NullableString(row, 5),
        OperatorId = NullableString(row, 6),
        Timestamp = time(row, 7),
        ArticleId = NullableString(row, 8),
    };

    /// <summary>number, conversation_id, channel, text, contact, life_situation, article_ids, created_at, due_at.</summary>
    public static WrittenRequest Request(DbDataReader row, Func<DbDataReader, int, DateTimeOffset> time) => new()
    {
        Number = row.GetString(0),
        ConversationId = row.GetString(1),
        Channel = row.GetString(2),
        Text = row.GetString(3),
        Contact = row.GetString(4),
        LifeSituation = NullableString(row, 5),
        ArticleIds = DialogDatabase.FromJson<List<string>>(row.GetString(6)),
        CreatedAt = time(row, 7),
        DueAt = time(row, 8),
    };

    /// <summary>channel, life_situation, article_ids, operator_id, score, comment, rated_at.</summary>
    public static ConversationRating Rating(DbDataReader row, string conversationId, Func<DbDataReader, int, DateTimeOffset> time) => new()
    {
        ConversationId = conversationId,
        Channel = row.GetString(0),
        LifeSituation = NullableString(row, 1),
        ArticleIds = DialogDatabase.FromJson<List<string>>(row.GetString(2)),
        OperatorId = NullableString(row, 3),
        Score = row.GetInt32(4),
        Comment = NullableString(row, 5),
        RatedAt = time(row, 6),
    };

    private static string? NullableString(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
