using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Bot.Host.Staff.Console;
using Assistant.Bot.Host.Staff.Dashboards;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>
/// An audit line's details as the «Журнал» page shows them: in Russian, with group names (Staff:GroupNames), article and life
/// situation titles from the KB, roles and counts in words. The stored details stay codes and ids (the record, and what the API
/// returns); a detail this class does not recognise is shown as stored rather than guessed at.
/// </summary>
public sealed partial class AuditWording(StaffNames names, IKnowledgeSearch knowledge)
{
    /// <param name="situation">Life situation titles by id (<see cref="StaffNames.SituationsAsync"/>, read once per page).</param>
    public string Details(AuditEntry entry, Func<string?, string> situation)
    {
        var details = entry.Details;
        if (string.IsNullOrEmpty(details))
        {
            return string.Empty;
        }

        if (AuditText.FixedWord(details) is { } word)
        {
            return word;
        }

        return entry.Action switch
        {
            "queue" when Waiting().Match(details) is { Success: true } m => "в очереди " + Count(m, 1, "диалог", "диалога", "диалогов"),
            "reply" when details.StartsWith("article ", StringComparison.Ordinal) => "по статье " + Article(details["article ".Length..]),
            "transfer" when details.StartsWith("to ", StringComparison.Ordinal) => $"в группу «{names.Group(details["to ".Length..])}»",
            "sign-in" when details == "sso" => "через единый вход",
            "away" when details == "no console open" => "автоматически: рабочее место закрыто дольше допустимого",
            "sign-in-failed" or "sign-in-locked" or "sign-in-code-failed" when details.StartsWith("login ", StringComparison.Ordinal) =>
                "логин " + details["login ".Length..],
            "sign-in-refused" when SsoNoRole().Match(details) is { Success: true } m => $"единый вход, логин {m.Groups[1].Value}: нет роли рабочего места",
            "sign-in-refused" when SsoTaken().Match(details) is { Success: true } m =>
                $"единый вход, логин {m.Groups[1].Value}: логин занят учётной записью рабочего места",
            "inbox-attach" when Attached().Match(details) is { Success: true } m =>
                $"к статье {Article(m.Groups[3].Value)}: {Count(m, 1, "вопрос", "вопроса", "вопросов")}, {Count(m, 2, "формулировка", "формулировки", "формулировок")}"
                + (m.Groups[4].Success ? $", уже были в статье: {m.Groups[4].Value}" : ""),
            "inbox-dismiss" when Questions().Match(details) is { Success: true } m => Count(m, 1, "вопрос", "вопроса", "вопросов"),
            "kb-draft-saved" when DraftOver().Match(details) is { Success: true } m =>
                $"{Article(m.Groups[1].Value)}, опубликована версия {m.Groups[2].Value}",
            "kb-draft-discarded" => Article(details),
            "kb-article-saved" or "kb-article-created" or "kb-article-published" or "kb-article-unpublished" or "kb-question-added" when Version().Match(details) is { Success: true } m =>
                $"{Article(m.Groups[1].Value)}, версия {m.Groups[2].Value}",
            "kb-article-rollback" when Rollback().Match(details) is { Success: true } m => $"{Article(m.Groups[1].Value)}, к версии {m.Groups[2].Value}"
                + (m.Groups[3].Success ? $", во входящие вернулись {Count(m, 3, "вопрос", "вопроса", "вопросов")}" : ""),
            "kb-situation-saved" => $"«{situation(details)}»",
            "kb-imported" when Imported().Match(details) is { Success: true } m => $"{m.Groups[1].Value}: {Count(m, 2, "статья", "статьи", "статей")}",
            "account-saved" when Account().Match(details) is { Success: true } m => $"{m.Groups[1].Value}, роль: {ConsoleText.RoleName(m.Groups[2].Value)}",
            "sso-role" when SsoRoles().Match(details) is { Success: true } m =>
                $"{m.Groups[1].Value}, {(m.Groups[2].Value.Contains(',') ? "роли" : "роль")}: {string.Join(", ", m.Groups[2].Value.Split(',').Select(ConsoleText.RoleName))}"
                + (m.Groups[3].Success ? $"; группы: {string.Join(", ", m.Groups[3].Value.Split(',').Select(names.Group))}" : ""),
            "tokens-revoked" when Revoked().Match(details) is { Success: true } m => $"{m.Groups[1].Value}, отозвано токенов: {m.Groups[2].Value}",
            "data.export" or "data.erase" when PersonData().Match(details) is { Success: true } m => PersonDataText(m),
            "audit-read" => FilterText(details),
            _ => details,
        };
    }

    /// <summary>An article by its KB title; an id the KB no longer has (the article was removed) as it is.</summary>
    private string Article(string id) => knowledge.FindArticle(id) is { Title.Length: > 0 } article ? $"«{article.Title}»" : id;

    private static string Count(Match m, int group, string one, string few, string many) =>
        RussianFigures.Count(long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture), one, few, many);

    private static string PersonDataText(Match m)
    {
        var text = $"{m.Groups[1].Value}, {Count(m, 2, "диалог", "диалога", "диалогов")}";
        return m.Groups[3].Success ? text + ", " + Count(m, 3, "запись", "записи", "записей") : text;
    }

    /// <summary>The filter of an «audit-read» line («actor anna; from 2025-01-03; to 2025-01-10; before 42»), in words.</summary>
    private static string FilterText(string details)
    {
        var words = new List<string>();
        foreach (var part in details.Split("; "))
        {
            var space = part.IndexOf(' ');
            var (key, value) = space < 0 ? (part, string.Empty) : (part[..space], part[(space + 1)..]);
            words.Add(key switch
            {
                "actor" => "сотрудник " + value,
                "from" => "с " + Day(value),
                "to" => "по " + Day(value),
                "before" => "более ранние записи",
                _ => part,
            });
        }

        return string.Join(", ", words);
    }

    private static string Day(string value) =>
        AuditQuery.TryParseDay(value, out var day) && day is { } d ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : value;

    [GeneratedRegex(@"^(\d+) waiting(?:: .+)?$")]
    private static partial Regex Waiting();

    [GeneratedRegex(@"^sso (.+): no staff role$")]
    private static partial Regex SsoNoRole();

    [GeneratedRegex(@"^sso (.+): login taken by a local account$")]
    private static partial Regex SsoTaken();

    [GeneratedRegex(@"^(\d+) questions, (\d+) phrasings to article (.+?)(?:, (\d+) already there)?$")]
    private static partial Regex Attached();

    [GeneratedRegex(@"^(\d+) questions$")]
    private static partial Regex Questions();

    [GeneratedRegex(@"^(.+) v(\d+)$")]
    private static partial Regex Version();

    [GeneratedRegex(@"^(.+?) to v(\d+)(?:, (\d+) questions back to the inbox)?$")]
    private static partial Regex Rollback();

    [GeneratedRegex(@"^(.+) over v(\d+)$")]
    private static partial Regex DraftOver();

    [GeneratedRegex(@"^(.+): (\d+) articles$")]
    private static partial Regex Imported();

    [GeneratedRegex(@"^(.+) as ([a-z]+)$")]
    private static partial Regex Account();

    [GeneratedRegex(@"^(.+) as ([a-z,]+)(?:; groups (.+))?$")]
    private static partial Regex SsoRoles();

    [GeneratedRegex(@"^(.+): (\d+)$")]
    private static partial Regex Revoked();

    [GeneratedRegex(@"^(.+), (\d+) conversation\(s\)(?:, (\d+) record\(s\))?$")]
    private static partial Regex PersonData();
}
