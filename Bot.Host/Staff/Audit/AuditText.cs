namespace Assistant.Bot.Host.Staff.Audit;

/// <summary>
/// The fixed Russian words of the audit page: actions, actors and the few stored details that are plain codes. The stored codes
/// stay the record (and the API's answer); only the page reads them in Russian. Details with ids are worded by
/// <see cref="AuditWording"/>, which knows group names and article titles.
/// </summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
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
        ["kb-question-added"] = "формулировка добавлена к статье",
        ["kb-article-created"] = "статья создана",
        ["kb-article-rollback"] = "статья возвращена к версии",
        ["kb-article-published"] = "статья опубликована",
        ["kb-article-unpublished"] = "статья снята с публикации",
        ["kb-draft-saved"] = "черновик статьи сохранён",
        ["kb-draft-discarded"] = "черновик статьи удалён",
        ["kb-situation-saved"] = "жизненная ситуация сохранена",
        ["kb-imported"] = "импорт базы знаний",
        ["audit-read"] = "просмотр журнала",
        ["account-saved"] = "учётная запись сохранена",
        ["account-unlocked"] = "учётная запись разблокирована",
        ["account-created-sso"] = "учётная запись создана единым входом",
        ["accounts-read"] = "просмотр списка учётных записей",
        ["operators-read"] = "просмотр загрузки операторов",
        ["requests-list"] = "просмотр списка обращений",
        ["token-refused"] = "API-токен отклонён",
        ["token-issued"] = "выдан API-токен",
        ["tokens-revoked"] = "API-токены отозваны",
        ["totp-enabled"] = "включён второй фактор",
        ["data.export"] = "выгрузка данных гражданина",
        ["data.erase"] = "удаление данных гражданина",
        ["data.purge"] = "удаление данных по сроку хранения",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
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
        ["UnknownGroup"] = "нет такой группы",
        ["TooLong"] = "слишком длинный текст",
        ["Changed"] = "изменено другим сотрудником",
        ["NotTaken"] = "обращение не взято в работу",
        ["NoAnswer"] = "нет ответа и причины",
        ["revoked"] = "токен отозван",
        ["mine"] = "в списке своих диалогов (API)",
        ["account locked"] = "учётная запись заблокирована",
    };

    /// <summary>An audit action in Russian; «…: отказ» for a refused one; an unknown code as it is.</summary>
    public static string ActionName(string action) =>
        Actions.TryGetValue(action, out var name) ? name
        : action.EndsWith("-refused", StringComparison.Ordinal) && Actions.TryGetValue(action[..^"-refused".Length], out var refused) ? refused + ": отказ"
        : action;

    /// <summary>Who did it: a login, or what acted for nobody signed in (the CLI's data commands add the system user).</summary>
    public static string ActorName(string actor) => actor switch
    {
        "anonymous" => "не вошедший пользователь",
        "cli" => "командная строка",
        _ when actor.StartsWith("cli:", StringComparison.Ordinal) => $"командная строка ({actor[4..]})",
        _ => actor,
    };

    /// <summary>A detail that is one fixed code (an error, «contact shown»…) in Russian; null for any other.</summary>
    public static string? FixedWord(string details) => Words.GetValueOrDefault(details);
}
