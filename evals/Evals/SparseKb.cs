using Assistant.Knowledge.Model;

namespace Assistant.Evals;

/// <summary>
/// A KB cut to a few curated phrasings per article, as a ministry's FAQ really is (about two), and the phrasings cut away.
/// The first phrasings of each article are kept: in a KB file they are the ones its author wrote first.
/// </summary>
public static class SparseKb
{
    public static KnowledgeBase Keep(KnowledgeBase kb, int phrasings) =>
        kb with { Articles = kb.Articles.Select(a => a with { Questions = a.Questions.Take(phrasings).ToList() }).ToList() };

    /// <summary>Each article's phrasings after the first <paramref name="kept"/>, in KB order, with the article they belong to.</summary>
    public static List<EvalQuestion> Removed(KnowledgeBase kb, int kept) =>
        kb.Articles.Where(a => a.Status == ArticleStatus.Published)
            .SelectMany(a => a.Questions.Skip(kept).Select(q => new EvalQuestion(q, a.Id)))
            .ToList();
}
