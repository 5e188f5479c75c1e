using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Retrieval;

/// <summary>What the dialog engine needs from the KB: a decision for a message, and the article behind it.</summary>
public interface IKnowledgeSearch
{
    Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken);

    Article? FindArticle(string articleId);

    /// <summary>
    /// The sentences of the article's answer that the message's own words point to (at most two, in the answer's order); empty
    /// when no sentence is near enough. For a follow-up the article already answered: the part it asks about, not the whole again.
    /// </summary>
    IReadOnlyList<string> PassagesFor(string articleId, string message) => [];
}
