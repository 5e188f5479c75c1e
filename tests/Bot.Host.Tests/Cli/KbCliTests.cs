using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Cli;

/// <summary><c>kb validate</c>: every error of a file at once, each as «position: field: message» in the format's own words.</summary>
public sealed class KbCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistant-kb-cli-").FullName;

    [Fact]
    public async Task Validate_lists_a_bad_source_date_and_a_blank_title_together()
    {
        var path = Path.Combine(_directory, "kb.json");
        await File.WriteAllTextAsync(path, """
            {"lifeSituations":[{"id":"oms-policy","title":"Полис ОМС"}],
             "articles":[
               {"id":"a1","lifeSituation":"oms-policy","title":"Полис","questions":["как получить полис"],"answer":"В страховой.",
                "sources":[{"title":"ФФОМС","url":"https://www.ffoms.gov.ru/","date":"2026-02-31"}]},
               {"id":"a2","lifeSituation":"oms-policy","title":"","questions":["где полис"],"answer":"В страховой."}]}
            """);

        var (exitCode, output, error) = await BotHostCli.RunAsync(["kb", "validate", path]);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal(
            [$"{path}: 2 error(s); nothing was changed",
             "  articles[0].sources[0]: date: '2026-02-31' is not a date written as yyyy-MM-dd",
             "  articles[1]: title: is required"],
            error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
    }

    [Fact]
    public async Task Validate_names_a_file_of_another_kind()
    {
        var path = Path.Combine(_directory, "kb.txt");
        await File.WriteAllTextAsync(path, "hello");

        var (exitCode, _, error) = await BotHostCli.RunAsync(["kb", "validate", path]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{path}: file: unknown extension '.txt': use .json, .csv or .tsv", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
