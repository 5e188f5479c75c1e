namespace Assistant.Bot.Host.Staff;

/// <summary>Section "Staff": the workspace's service targets and limits (docs/staff.md).</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Target time to the first operator response; a waiting conversation turns amber after it.</summary>
    public TimeSpan FirstResponseTarget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The programme's queue limit: a conversation waiting longer is shown red.</summary>
    public TimeSpan QueueLimit { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many conversations with one operator at once; «Принять» is refused beyond it.</summary>
    public int MaxConversationsPerOperator { get; set; } = 5;

    /// <summary>How long audit lines are kept (152-FZ asks for a defined period); older lines are removed once a day.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Failed password attempts before the account locks for <see cref="LockoutTime"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan LockoutTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The names staff read for skill groups (ids as in accounts and the KB's handoffGroup): the console shows «ОМС и полисы», not
    /// «oms». A group without a name here is shown by its id. Added to or overridden by configuration (Staff:GroupNames:oms).
    /// </summary>
    public Dictionary<string, string> GroupNames { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["general"] = "Общие вопросы",
        ["oms"] = "ОМС и полисы",
        ["care"] = "Медицинская помощь",
        ["maternity"] = "Беременность и роды",
        ["sick-leave"] = "Больничные",
        ["drugs"] = "Лекарственное обеспечение",
        ["expertise"] = "Медико-социальная экспертиза",
        ["licensing"] = "Лицензирование",
        ["accreditation"] = "Аккредитация специалистов",
        ["pharma"] = "Регистрация лекарств",
        ["reception"] = "Обращения и приём граждан",
    };

    /// <summary>How often an open console page checks that its sign-in still holds (signed out elsewhere, locked, role changed).</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>«На месте» ends when the member has had no console open and made no API call on any host for this long.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each host records its open consoles and sets away whoever was not seen for <see cref="PresenceTimeout"/>.</summary>
    public TimeSpan PresenceSweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
