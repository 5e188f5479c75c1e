using Assistant.Knowledge.Model;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>One changed line between two versions: the field, and the text removed (-) or added (+).</summary>
public sealed record DiffLine(string Field, char Change, string Text);

/// <summary>What changed between two versions of an article, field by field, the answer line by line.</summary>
public static class ArticleDiff
{
    public static IReadOnlyList<DiffLine> Between(Article before, Article after)
    {
        var lines = new List<DiffLine>();
        Compare(lines, "Заголовок", [before.Title], [after.Title]);
        Compare(lines, "Формулировки", before.Questions, after.Questions);
        Compare(lines, "Ответ", Lines(before.Answer), Lines(after.Answer));
        lines.RemoveAll(l => l.Text.Trim().Length == 0);
        Compare(lines, "Источники", before.Sources.Select(s => $"{s.Title} | {s.Url} | {s.Date}").ToList(), after.Sources.Select(s => $"{s.Title} | {s.Url} | {s.Date}").ToList());
        Compare(lines, "Категории", before.Segments, after.Segments);
        Compare(lines, "Группа", [before.HandoffGroup ?? ""], [after.HandoffGroup ?? ""]);
        Compare(lines, "Ситуация", [before.LifeSituation], [after.LifeSituation]);
        Compare(lines, "Статус", [StatusName(before.Status)], [StatusName(after.Status)]);
        return lines;
    }

    public static string StatusName(ArticleStatus status) => status == ArticleStatus.Published ? "опубликована" : "черновик";

    /// <summary>
    /// What a change did, in a few words for the history («формулировки: +2», «ответ», «статус: опубликована»); «без изменений»
    /// when nothing differs.
    /// </summary>
    public static string Summary(Article before, Article after)
    {
        var parts = new List<string>();
        foreach (var field in Between(before, after).GroupBy(l => l.Field))
        {
            var (added, removed) = (field.Count(l => l.Change == '+'), field.Count(l => l.Change == '-'));
            parts.Add(field.Key switch
            {
                "Статус" => $"статус: {StatusName(after.Status)}",
                "Формулировки" or "Источники" or "Категории" => $"{field.Key.ToLowerInvariant()}: {Counts(added, removed)}",
                _ => field.Key.ToLowerInvariant(),
            });
        }

        return parts.Count == 0 ? "без изменений" : string.Join("; ", parts);
    }

    private static string Counts(int added, int removed) => (added, removed) switch
    {
        (> 0, 0) => $"+{added}",
        (0, > 0) => $"−{removed}",
        _ => $"+{added} −{removed}",
    };

    private static IReadOnlyList<string> Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>A longest-common-subsequence diff: the lines only in <paramref name="before"/> (-) and only in <paramref name="after"/> (+), in order.</summary>
    private static void Compare(List<DiffLine> lines, string field, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var (a, b) = (0, 0);
        while (a < before.Count || b < after.Count)
        {
            if (a < before.Count && b < after.Count && before[a] == after[b])
            {
                (a, b) = (a + 1, b + 1);
            }
            else if (b < after.Count && (a == before.Count || common[a, b + 1] >= common[a + 1, b]))
            {
                lines.Add(new DiffLine(field, '+', after[b++]));
            }
            else
            {
                lines.Add(new DiffLine(field, '-', before[a++]));
            }
        }
    }
}
