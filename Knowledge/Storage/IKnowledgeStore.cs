using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Storage;

/// <summary>Durable home of the KB. The embedded default is a SQLite file; a PostgreSQL store implements the same.</summary>
public interface IKnowledgeStore
{
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    Task<KnowledgeBase> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the whole KB in one transaction: either all of it is stored or nothing changes.</summary>
    Task ReplaceAsync(KnowledgeBase kb, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the KB, applies <paramref name="change"/> and stores the result as one step: on a store several hosts share, no other
    /// host's change falls between the read and the write. False when <paramref name="change"/> returned null (nothing stored).
    /// The default, for a store one host owns, reads and replaces; that host makes its changes one at a time.
    /// </summary>
    async Task<bool> UpdateAsync(Func<KnowledgeBase, KnowledgeBase?> change, CancellationToken cancellationToken)
    {
        if (change(await LoadAsync(cancellationToken)) is not { } next)
        {
            return false;
        }

        await ReplaceAsync(next, cancellationToken);
        return true;
    }

    /// <summary>Stores <paramref name="kb"/> only if the store holds no articles yet (the seed on first run); false when it held some.</summary>
    Task<bool> ReplaceIfEmptyAsync(KnowledgeBase kb, CancellationToken cancellationToken);

    /// <summary>Appends a curated question to an article; false when there is no such article.</summary>
    Task<bool> AddQuestionAsync(string articleId, string question, CancellationToken cancellationToken);

    /// <summary>
    /// Appends curated questions to an article as one change: one new version however many there are. Returns the article as
    /// stored, or null when there is no such article.
    /// </summary>
    async Task<Article?> AddQuestionsAsync(string articleId, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        foreach (var question in questions)
        {
            if (!await AddQuestionAsync(articleId, question, cancellationToken))
            {
                return null;
            }
        }

        return (await LoadAsync(cancellationToken)).Articles.FirstOrDefault(a => a.Id == articleId);
    }
}
