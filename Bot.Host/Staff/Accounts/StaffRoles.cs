namespace Assistant.Bot.Host.Staff.Accounts;

/// <summary>The four staff roles and which of them may use each area (the OpenAPI tag of an endpoint names its area).</summary>
public static class StaffRoles
{
    public const string Operator = "operator";
    public const string Moderator = "moderator";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Operator, Moderator, Supervisor, Admin];

    /// <summary>Policy names, equal to the OpenAPI tags of the endpoints they guard.</summary>
    public const string Operators = "Operators";
    public const string Moderators = "Moderators";
    public const string Supervisors = "Supervisors";
    public const string Admins = "Admins";

    /// <summary>
    /// Who may use an area. Supervisors take conversations too (they cover a queue when it grows); admins manage the KB and read
    /// what supervisors read, but do not answer citizens.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AreaRoles = new Dictionary<string, string[]>
    {
        [Operators] = [Operator, Supervisor],
        [Moderators] = [Moderator, Admin],
        [Supervisors] = [Supervisor, Admin],
        [Admins] = [Admin],
    };

    public static bool IsRole(string? value) => value is not null && All.Contains(value);
}
