using System.Diagnostics;
using Assistant.Bot.Host.Cli;

namespace Assistant.Bot.Host.Tests.Cli;

public sealed class CliVerbTests
{
    [Fact]
    public async Task A_misspelt_verb_prints_the_usage_and_exits_with_2_instead_of_starting_the_web_app()
    {
        var (exitCode, error) = await RunAsync("stafff", "add", "admin");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown verb 'stafff'", error);
        Assert.Contains("Usage:", error);
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("Storage:DataDirectory=/tmp/x")]
    [InlineData("/Storage:DataDirectory", "/tmp/x")]
    public void Host_options_are_not_taken_for_a_verb(params string[] args) => Assert.False(CliVerbs.IsUnknownVerb(args));

    [Fact]
    public void No_arguments_start_the_web_app() => Assert.False(CliVerbs.IsUnknownVerb([]));

    private static async Task<(int ExitCode, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Bot.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // It started the web app after all: stop it, and fail below on the exit code.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await output;
        return (process.ExitCode, await error);
    }
}
