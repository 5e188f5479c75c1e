using Assistant.Dialogs.Rating;

namespace Assistant.Dialogs.Stores.Sqlite;

/// <summary>Conversation ratings in dialogs.db, one row per conversation.</summary>
public sealed class SqliteRatingStore(DialogDatabase database) : IRatingStore
{
    public async Task SaveAsync(ConversationRating rating, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenForWriteAsync(cancellationToken);
        var connection = write.Connection;
        await using var command = DialogDatabase.Command(connection, """
            INSERT INTO ratings (conversation_id, channel, life_situation, article_ids, operator_id, score, comment, rated_at)
            VALUES ($id, $channel, $situation, $articles, $operator, $score, $comment, $at)
            ON CONFLICT (conversation_id) DO UPDATE SET channel = $channel, life_situation = $situation, article_ids = $articles,
                operator_id = $operator, score = $score, comment = $comment, rated_at = $at
            """,
            ("$id", rating.ConversationId), ("$channel", rating.Channel), ("$situation", rating.LifeSituation),
            ("$articles", DialogDatabase.ToJson(rating.ArticleIds)), ("$operator", rating.OperatorId), ("$score", rating.Score),
            ("$comment", rating.Comment), ("$at", DialogDatabase.Time(rating.RatedAt)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ConversationRating?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = DialogDatabase.Command(connection, """
            SELECT channel, life_situation, article_ids, operator_id, score, comment, rated_at FROM ratings WHERE conversation_id = $id
            """, ("$id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return DurableRows.Rating(reader, conversationId, (r, i) => DialogDatabase.Time(r.GetString(i)));
    }
}
