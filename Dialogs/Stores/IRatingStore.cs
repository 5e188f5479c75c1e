using Assistant.Dialogs.Rating;

namespace Assistant.Dialogs.Stores;

/// <summary>Ratings of conversations with their context; a durable record.</summary>
public interface IRatingStore
{
    /// <summary>Stores the rating of a conversation, replacing the one before (a comment arrives after the score).</summary>
    Task SaveAsync(ConversationRating rating, CancellationToken cancellationToken);

    Task<ConversationRating?> GetAsync(string conversationId, CancellationToken cancellationToken);
}
