namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The real app for operator tests: operators are accounts created with <see cref="RunningApp.OperatorAsync"/>.</summary>
public sealed class OperatorApp : RunningApp
{
    // Open pages check their sign-in every second, so a test sees a sign-out elsewhere end them without waiting half a minute.
    protected override IEnumerable<(string Key, string Value)> Settings => [("Staff:RevalidationInterval", "00:00:01")];
}
