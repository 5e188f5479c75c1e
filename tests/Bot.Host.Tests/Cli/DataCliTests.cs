using Assistant.Bot.Host.Tests.Support;
using System.Text.Json;

namespace Assistant.Bot.Host.Tests.Cli;

/// <summary><c>data purge|export|erase</c> on the configured data directory, export and erasure written to the audit log.</summary>
public sealed class DataCliTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("assistant-data-cli-").FullName;

    [Fact]
    public async Task Purge_dry_run_counts_every_kind_and_deletes_nothing()
    {
        var (exitCode, output, error) = await RunAsync("data", "purge", "--dry-run");

        Assert.True(exitCode == 0, error);
        Assert.Contains("nothing deleted", output);
        foreach (var kind in new[] { "Transcripts", "WrittenRequests", "Ratings", "Unanswered", "ReceivedMessages" })
        {
            Assert.Matches($@"{kind}\s+0", output);
        }
    }

    [Fact]
    public async Task Export_and_erase_by_channel_and_user_are_audited_and_a_missing_option_is_a_usage_error()
    {
        var (exitCode, output, error) = await RunAsync("data", "export", "--channel", "telegram", "--user", "123");
        Assert.True(exitCode == 0, error);
        using (var export = JsonDocument.Parse(output))
        {
            Assert.Equal("123", export.RootElement.GetProperty("person").GetProperty("userId").GetString());
            Assert.Equal(0, export.RootElement.GetProperty("conversations").GetArrayLength());
        }

        (exitCode, output, error) = await RunAsync("data", "erase", "--channel", "telegram", "--user", "123");
        Assert.True(exitCode == 0, error);
        Assert.Contains("erased 0 conversation(s)", output);

        var lines = (await StaffAuditFile.LinesAsync(_data)).Select(l => l[(StaffAuditFile.CliActor.Length + 1)..]).ToList();
        Assert.Contains(lines, l => l.StartsWith("data.export telegram:123", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("data.erase telegram:123", StringComparison.Ordinal));

        (exitCode, _, error) = await RunAsync("data", "erase", "--channel", "telegram");
        Assert.Equal(2, exitCode);
        Assert.Contains("--user is required", error);
    }

    [Fact]
    public async Task A_purge_that_deletes_is_audited_with_its_counts_and_a_dry_run_is_not()
    {
        Assert.Equal(0, (await RunAsync("data", "purge", "--dry-run")).ExitCode);
        var (exitCode, _, error) = await RunAsync("data", "purge");

        Assert.True(exitCode == 0, error);
        var line = Assert.Single(await StaffAuditFile.LinesAsync(_data));
        Assert.Equal($"{StaffAuditFile.CliActor} data.purge Transcripts 0, WrittenRequests 0, Ratings 0, Unanswered 0, ReceivedMessages 0", line);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        BotHostCli.RunAsync(args, new Dictionary<string, string> { ["Storage__DataDirectory"] = _data, ["Logging__LogLevel__Default"] = "Warning" });
}
