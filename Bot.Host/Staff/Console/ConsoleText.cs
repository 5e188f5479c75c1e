using System.Globalization;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Operators;

namespace Assistant.Bot.Host.Staff.Console;

/// <summary>How the console names channels, segments, authors and times in Russian.</summary>
public static class ConsoleText
{
    public static string ChannelName(string channel) => channel.ToLowerInvariant() switch
    {
        "telegram" => "Telegram",
        "vk" => "ВКонтакте",
        "web" or "webchat" => "Чат на портале",
        _ => channel,
    };

    public static string SegmentName(string? segment) => segment switch
    {
        "citizen" => "гражданин",
        "business" => "бизнес",
        "medic" => "медработник",
        _ => "—",
    };

    public static string AuthorName(string from) => from switch
    {
        Authors.Citizen => "Гражданин",
        Authors.Bot => "Бот",
        Authors.Operator => "Специалист",
        _ => "Система",
    };

    public static string RequestStatusName(string status) => status switch
    {
        "new" => "новое",
        "inWork" => "в работе",
        "answered" => "отвечено",
        "closed" => "закрыто",
        "overdue" => "просрочено",
        _ => status,
    };

    private static readonly Dictionary<string, string> AuditActions = new(StringComparer.Ordinal)
    {
        ["sign-in"] = "вход",
        ["sign-in-failed"] = "неудачный вход",
        ["sign-in-locked"] = "вход заблокирован",
        ["sign-in-refused"] = "вход отклонён",
        ["sign-in-code-failed"] = "неверный код второго фактора",
        ["sign-out"] = "выход",
        ["sso-role"] = "вход через единый вход: роль",
        ["sso-conflict"] = "единый вход: конфликт учётных записей",
        ["queue"] = "просмотр очереди",
        ["transcript"] = "просмотр переписки",
        ["accept"] = "принятие диалога",
        ["reply"] = "ответ гражданину",
        ["transfer"] = "передача в другую группу",
        ["close"] = "завершение диалога",
        ["flag-set"] = "отметка поставлена",
        ["flag-cleared"] = "отметка снята",
        ["online"] = "на месте",
        ["away"] = "отошёл",
        ["request-open"] = "просмотр обращения",
        ["request-assign"] = "обращение взято в работу",
        ["request-answer"] = "ответ на обращение",
        ["request-close"] = "обращение закрыто",
        ["inbox-attach"] = "вопросы прикреплены к статье",
        ["inbox-dismiss"] = "вопросы отклонены",
        ["kb-article-saved"] = "статья сохранена",
        ["kb-article-created"] = "статья создана",
        ["kb-article-rollback"] = "статья возвращена к версии",
        ["kb-situation-saved"] = "жизненная ситуация сохранена",
        ["kb-imported"] = "импорт базы знаний",
        ["audit-read"] = "просмотр журнала",
        ["account-saved"] = "учётная запись сохранена",
        ["token-issued"] = "выдан API-токен",
        ["tokens-revoked"] = "API-токены отозваны",
        ["totp-enabled"] = "включён второй фактор",
    };

    private static readonly Dictionary<string, string> AuditDetailWords = new(StringComparer.Ordinal)
    {
        ["contact shown"] = "контакт показан",
        ["contact hidden"] = "контакт скрыт",
        ["sent to the channel"] = "отправлено в канал гражданина",
        ["AtCapacity"] = "достигнут предел диалогов",
        ["WrongState"] = "диалог в другом состоянии",
        ["EmptyText"] = "пустой текст",
        ["NotYours"] = "чужой диалог или обращение",
        ["NotFound"] = "не найдено",
        ["NotYourGroup"] = "не ваша группа",
        ["TransferLimit"] = "лимит передач исчерпан",
        ["ReservedForManager"] = "ждёт персональный менеджер",
        ["NoGroup"] = "группа не указана",
        ["Changed"] = "изменено другим сотрудником",
        ["NotTaken"] = "обращение не взято в работу",
        ["NoAnswer"] = "нет ответа и причины",
    };

    /// <summary>An audit action in Russian (the stored code stays the contract of the API); «…: отказ» for a refused one.</summary>
    public static string AuditActionName(string action) =>
        AuditActions.TryGetValue(action, out var name) ? name
        : action.EndsWith("-refused", StringComparison.Ordinal) && AuditActions.TryGetValue(action[..^"-refused".Length], out var refused) ? refused + ": отказ"
        : action;

    /// <summary>An audit line's details with the stored English words read in Russian; ids and numbers stay as they are.</summary>
    public static string AuditDetails(string? details)
    {
        if (details is null)
        {
            return string.Empty;
        }

        if (AuditDetailWords.TryGetValue(details, out var word))
        {
            return word;
        }

        return details.StartsWith("login ", StringComparison.Ordinal) ? "логин " + details[6..]
            : details.StartsWith("to ", StringComparison.Ordinal) ? "в группу " + details[3..]
            : details.StartsWith("article ", StringComparison.Ordinal) ? "статья " + details[8..]
            : details;
    }

    /// <summary>Who did it: a login, or what acted for nobody signed in.</summary>
    public static string AuditActorName(string actor) => actor switch
    {
        "anonymous" => "не вошедший пользователь",
        "cli" => "командная строка",
        _ => actor,
    };

    public static string Date(DateTimeOffset at) => at.ToLocalTime().ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Minutes(TimeSpan waited) =>
        waited.TotalMinutes < 1 ? "меньше минуты" : $"{(int)waited.TotalMinutes} мин";

    public static string Clock(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The citizen's first message, shortened: what the conversation is about.</summary>
    public static string Describe(QueueEntry entry)
    {
        var first = string.IsNullOrEmpty(entry.Topic) ? "(без текста)" : entry.Topic;
        return first.Length <= 80 ? first : first[..80] + "…";
    }
}
