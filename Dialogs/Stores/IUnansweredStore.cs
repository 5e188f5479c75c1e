using Assistant.Dialogs.Learning;

namespace Assistant.Dialogs.Stores;

/// <summary>The moderators' inbox of questions the bot did not answer well; a durable record.</summary>
public interface IUnansweredStore
{
    Task AddAsync(UnansweredMessage message, CancellationToken cancellationToken);

    /// <summary>Messages in <paramref name="status"/>, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<UnansweredMessage>> ListAsync(UnansweredStatus status, int limit, CancellationToken cancellationToken);

    /// <summary>The messages among <paramref name="ids"/> that are still open (one query, whatever the size of the inbox).</summary>
    Task<IReadOnlyList<UnansweredMessage>> ListOpenAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Marks messages attached (to <paramref name="articleId"/>) or dismissed; returns how many were still open.</summary>
    Task<int> ResolveAsync(IReadOnlyCollection<long> ids, UnansweredStatus status, string? articleId, CancellationToken cancellationToken);

    /// <summary>The messages attached to <paramref name="articleId"/>, newest first.</summary>
    Task<IReadOnlyList<UnansweredMessage>> ListAttachedAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Puts attached messages back into the inbox (an article's rollback undid their phrasings); returns how many were attached.</summary>
    Task<int> ReopenAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);
}
