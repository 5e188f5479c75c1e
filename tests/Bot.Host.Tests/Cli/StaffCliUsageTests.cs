using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Cli;

/// <summary>Misspelt `staff` words: the usage and exit code 2, and the accounts as they were; help on request.</summary>
public sealed class StaffCliUsageTests : IDisposable
{
    private const string Password = "Admin-password-7";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "assistant-staff-usage-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Unknown option --gropus.", "add", "olga", "--role", "operator", "--gropus", "drugs")]
    [InlineData("Unknown option --force.", "add", "olga", "--role", "operator", "--force")]
    [InlineData("Bad group name 'омс'", "add", "olga", "--role", "operator", "--groups", "омс")]
    [InlineData("Bad group name 'oms_care'", "add", "olga", "--role", "operator", "--groups", "oms_care")]
    [InlineData("Unknown option --days.", "token", "olga", "--days", "30")]
    [InlineData("Unknown option --all.", "revoke", "olga", "--all", "yes")]
    [InlineData("Unknown option --now.", "unlock", "olga", "--now", "yes")]
    [InlineData("Unknown option --verbose.", "list", "--verbose", "yes")]
    public async Task An_unknown_option_or_a_bad_group_name_prints_the_usage_exits_with_2_and_changes_nothing(string message, params string[] args)
    {
        Assert.Equal(0, (await RunAsync(Password + "\n", "staff", "add", "olga", "--role", "operator", "--groups", "oms,care")).ExitCode);
        var before = (await RunAsync(null, "staff", "list")).Output;

        var refused = await RunAsync("Other-password-9\n", ["staff", .. args]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(message, refused.Error);
        Assert.Contains("Usage:", refused.Error);
        Assert.Equal(string.Empty, refused.Output);
        Assert.Equal(before, (await RunAsync(null, "staff", "list")).Output);
    }

    [Theory]
    [InlineData("Unknown staff sub-command 'bogus'.", "bogus")]
    [InlineData("Unknown staff sub-command 'bogus'.", "bogus", "x")]
    [InlineData("staff needs a sub-command: add, token, revoke, totp, unlock, list.")]
    [InlineData("staff list takes no login.", "list", "x")]
    [InlineData("staff token needs exactly one login.", "token")]
    [InlineData("--role is required.", "add", "olga")]
    public async Task An_unknown_or_incomplete_sub_command_prints_the_staff_usage_and_exits_with_2(string message, params string[] args)
    {
        var refused = await RunAsync(null, ["staff", .. args]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(message, refused.Error);
        Assert.Contains("Usage: dotnet run --project Bot.Host -- staff", refused.Error);
        Assert.Contains("staff unlock <login>", refused.Error);
        Assert.DoesNotContain("No account", refused.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("add", "--help")]
    public async Task Help_prints_the_staff_usage_on_stdout_and_exits_with_0(params string[] args)
    {
        var help = await RunAsync(null, ["staff", .. args]);

        Assert.True(help.ExitCode == 0, help.Error);
        Assert.StartsWith("Usage: dotnet run --project Bot.Host -- staff", help.Output);
        foreach (var name in Assistant.Bot.Host.Cli.StaffCommandLine.Names)
        {
            Assert.Contains($"staff {name}", help.Output);
        }

        Assert.Equal(string.Empty, help.Error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(string? stdin, params string[] args) =>
        BotHostCli.RunAsync(args, new Dictionary<string, string> { ["Storage__DataDirectory"] = _data }, stdin);
}
