namespace Assistant.Bot.Host.Staff.Presence;

/// <summary>When a staff member was last seen with a console open or calling the API: «на месте» lasts only while this is recent.</summary>
public sealed class StaffPresence
{
    public string Login { get; set; } = string.Empty;

    public DateTimeOffset SeenAt { get; set; }
}
