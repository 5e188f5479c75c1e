namespace Assistant.Dialogs.Activities;

/// <summary>Who wrote a transcript entry.</summary>
public static class Authors
{
    public const string Citizen = "citizen";
    public const string Bot = "bot";
    public const string Operator = "operator";
    public const string System = "system";
}
