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

    /// <summary>A staff role in Russian (the role codes stay in the store, the API and the CLI).</summary>
    public static string RoleName(string role) => role switch
    {
        Assistant.Bot.Host.Staff.Accounts.StaffRoles.Operator => "оператор",
        Assistant.Bot.Host.Staff.Accounts.StaffRoles.Moderator => "модератор",
        Assistant.Bot.Host.Staff.Accounts.StaffRoles.Supervisor => "супервизор",
        Assistant.Bot.Host.Staff.Accounts.StaffRoles.Admin => "администратор",
        _ => role,
    };

    /// <summary>A transfer to a group nobody works in.</summary>
    public static string UnknownGroup(string group, IReadOnlyList<string> staffed) =>
        $"Группы «{group}» нет среди групп специалистов, передать в неё нельзя. Группы: {string.Join(", ", staffed)}.";

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
