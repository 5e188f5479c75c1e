using System.Text.RegularExpressions;

namespace Assistant.Bot.Host.Staff.KbEditor;

/// <summary>
/// The details of the KB's audit lines in Russian. They are stored as written (short English, ids and numbers: other tools read
/// them); the audit page shows them with this. Details of other actions, or in a form this does not know, give null.
/// </summary>
public static partial class KbAuditText
{
    public static string? Details(string action, string? details)
    {
        if (details is null)
        {
            return null;
        }

        switch (action)
        {
            case "kb-article-created" or "kb-article-saved" or "kb-article-published" or "kb-article-unpublished" when Versioned().Match(details) is { Success: true } m:
                return $"статья {m.Groups[1].Value}, версия {m.Groups[2].Value}";
            case "kb-article-rollback" when RolledBack().Match(details) is { Success: true } m:
                return $"статья {m.Groups[1].Value}: возвращено содержание версии {m.Groups[2].Value}";
            case "kb-draft-saved" when DraftOver().Match(details) is { Success: true } m:
                return $"статья {m.Groups[1].Value}: черновик, опубликована версия {m.Groups[2].Value}";
            case "kb-draft-discarded" or "kb-situation-saved":
                return (action == "kb-draft-discarded" ? "статья " : "ситуация ") + details;
            case "kb-imported" when Imported().Match(details) is { Success: true } m:
                return $"файл «{m.Groups[1].Value}»: статей {m.Groups[2].Value}";
            case "inbox-attach" when Attached().Match(details) is { Success: true } m:
                return $"вопросов {m.Groups[1].Value}, формулировок добавлено {m.Groups[2].Value} к статье {m.Groups[3].Value}";
            case "inbox-dismiss" when Dismissed().Match(details) is { Success: true } m:
                return $"вопросов {m.Groups[1].Value}";
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^(\S+) v(\d+)$")]
    private static partial Regex Versioned();

    [GeneratedRegex(@"^(\S+) to v(\d+)$")]
    private static partial Regex RolledBack();

    [GeneratedRegex(@"^(\S+) over v(\d+)$")]
    private static partial Regex DraftOver();

    [GeneratedRegex(@"^(.*): (\d+) articles$")]
    private static partial Regex Imported();

    [GeneratedRegex(@"^(\d+) questions, (\d+) phrasings to article (\S+)$")]
    private static partial Regex Attached();

    [GeneratedRegex(@"^(\d+) questions$")]
    private static partial Regex Dismissed();
}
