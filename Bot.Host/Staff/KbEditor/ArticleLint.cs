using Assistant.Knowledge.Model;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// Warnings on save (the article is saved anyway): the programme asks for short informative answers with a source, and a
/// phrasing in two articles makes the bot guess.
/// </summary>
public static class ArticleLint
{
    /// <summary>About the length of a few short informative sentences (the programme's standard for answers).</summary>
    public const int LongAnswer = 600;

    /// <param name="staffedGroups">The skill groups some operator account belongs to («general» always): a handover to any
    /// other group waits in a queue nobody sees.</param>
    public static IReadOnlyList<string> Check(Article article, IEnumerable<Article> others, IReadOnlyCollection<string>? staffedGroups = null)
    {
        var warnings = new List<string>();
        if (article.HandoffGroup is { } group && staffedGroups is not null && !staffedGroups.Contains(group, StringComparer.OrdinalIgnoreCase))
        {
            warnings.Add($"В группе «{group}» нет ни одного специалиста: граждане, переданные по этой статье, будут ждать в очереди, которую никто не видит. Проверьте написание группы.");
        }

        if (article.Answer.Trim().Length > LongAnswer)
        {
            warnings.Add($"Ответ длиннее {LongAnswer} символов ({article.Answer.Trim().Length}): стандарт — короткие информативные фразы.");
        }

        if (article.Sources.Count == 0)
        {
            warnings.Add("Нет источника: гражданин не увидит, на чём основан ответ.");
        }

        foreach (var source in article.Sources.Where(s => s.Date is null))
        {
            warnings.Add($"У источника «{source.Title}» нет даты: неизвестно, насколько ответ актуален.");
        }

        var own = article.Questions.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var other in others.Where(o => o.Id != article.Id))
        {
            foreach (var question in other.Questions.Where(q => own.Contains(Normalize(q))))
            {
                warnings.Add($"Формулировка «{question}» есть и в статье «{other.Title}»: бот будет выбирать между ними наугад.");
            }
        }

        return warnings;
    }

    private static string Normalize(string text) => string.Join(' ', text.ToLowerInvariant().Replace('ё', 'е').Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.', '!');
}
