namespace Assistant.Knowledge.Model;

/// <summary>Client segments of the client-centricity concept.</summary>
public static class Segment
{
    public const string Citizen = "citizen";
    public const string Business = "business";
    public const string Medic = "medic";

    public static readonly IReadOnlyList<string> All = [Citizen, Business, Medic];

    public static bool IsKnown(string value) => All.Contains(value);
}
