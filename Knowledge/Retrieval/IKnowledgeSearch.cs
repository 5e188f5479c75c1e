using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Retrieval;

/// <summary>What the dialog engine needs from the KB: a decision for a message, and the article behind it.</summary>
public interface IKnowledgeSearch
{
    Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken);

    Article? FindArticle(string articleId);
}
