namespace Assistant.Bot.Host.Tests.Support;

/// <summary>The real app with settings known only at run time (addresses of servers a fixture started).</summary>
public sealed class ConfiguredApp(params (string Key, string Value)[] settings) : RunningApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => settings;
}
