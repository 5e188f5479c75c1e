using Assistant.Dialogs.Rating;
using Assistant.Dialogs.Stores.Sqlite;

namespace Assistant.Dialogs.Stores.Postgres;

/// <summary>Conversation ratings in PostgreSQL, one row per conversation (the comment updates the score's row).</summary>
public sealed class PostgresRatingStore(PostgresDatabase database) : IRatingStore
{
    public async Task SaveAsync(ConversationRating rating, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            INSERT INTO ratings (conversation_id, channel, life_situation, article_ids, operator_id, score, comment, rated_at)
            VALUES (@id, @channel, @situation, @articles, @operator, @score, @comment, @at)
            ON CONFLICT (conversation_id) DO UPDATE SET channel = EXCLUDED.channel, life_situation = EXCLUDED.life_situation,
                article_ids = EXCLUDED.article_ids, operator_id = EXCLUDED.operator_id, score = EXCLUDED.score,
                comment = EXCLUDED.comment, rated_at = EXCLUDED.rated_at
            """,
            ("id", rating.ConversationId), ("channel", rating.Channel), ("situation", rating.LifeSituation), ("operator", rating.OperatorId),
            ("score", rating.Score), ("comment", rating.Comment), ("at", rating.RatedAt.ToUniversalTime()));
        command.Parameters.Add(PostgresDatabase.Json("articles", rating.ArticleIds));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ConversationRating?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresDatabase.Command(connection, """
            SELECT channel, life_situation, article_ids::text, operator_id, score, comment, rated_at FROM ratings WHERE conversation_id = @id
            """, ("id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return DurableRows.Rating(reader, conversationId, (r, i) => r.GetFieldValue<DateTimeOffset>(i));
    }
}
