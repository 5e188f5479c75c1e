using Assistant.Bot.Host.Staff.Audit;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>What became of one curated question: added, refused as empty or too long, or its article is not in the KB.</summary>
public enum CuratedQuestionOutcome
{
    Added,
    Invalid,
    NoArticle,
}

/// <summary>
/// One curated question added to an article, from the API or the command line: searchable at once, a version in the article's
/// history (and in its pending draft), an audit line.
/// </summary>
public sealed class CuratedQuestion(KnowledgeService knowledge, ArticleHistory history, AuditLog audit)
{
    public async Task<CuratedQuestionOutcome> AddAsync(string actor, string articleId, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > KbValidator.MaxQuestionLength)
        {
            return CuratedQuestionOutcome.Invalid;
        }

        var question = text.Trim();
        if (knowledge.FindArticle(articleId) is not { } before || !await knowledge.AddQuestionAsync(articleId, question, cancellationToken)
            || knowledge.FindArticle(articleId) is not { } after)
        {
            return CuratedQuestionOutcome.NoArticle;
        }

        await history.RecordPhrasingsAsync(before, after, [question], actor, CancellationToken.None);
        await audit.WriteAsync(actor, "kb-question-added", details: $"{articleId} v{after.Version}", cancellationToken: CancellationToken.None);
        return CuratedQuestionOutcome.Added;
    }
}
