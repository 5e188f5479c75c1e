using Assistant.Bot.Host.Cli;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Cli;

public sealed class CliVerbTests
{
    [Fact]
    public async Task A_misspelt_verb_prints_the_usage_and_exits_with_2_instead_of_starting_the_web_app()
    {
        var (exitCode, _, error) = await BotHostCli.RunAsync(["stafff", "add", "admin"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown verb 'stafff'", error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public async Task The_usage_lists_every_staff_sub_command_including_unlock()
    {
        var (exitCode, _, error) = await BotHostCli.RunAsync(["help"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("staff unlock <login>", error);
        foreach (var name in StaffCommandLine.Names)
        {
            Assert.Contains($"  staff {name}", error);
        }
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("Storage:DataDirectory=/tmp/x")]
    [InlineData("/Storage:DataDirectory", "/tmp/x")]
    public void Host_options_are_not_taken_for_a_verb(params string[] args) => Assert.False(CliVerbs.IsUnknownVerb(args));

    [Fact]
    public void No_arguments_start_the_web_app() => Assert.False(CliVerbs.IsUnknownVerb([]));
}
