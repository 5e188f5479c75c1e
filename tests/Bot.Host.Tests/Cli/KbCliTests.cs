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

    [Fact]
    public async Task A_question_added_or_a_KB_imported_from_the_command_line_is_audited_and_the_question_kept_in_the_articles_history()
    {
        var data = Path.Combine(_directory, "data");
        var settings = new Dictionary<string, string> { ["Storage__DataDirectory"] = data, ["Logging__LogLevel__Default"] = "Warning" };

        var added = await BotHostCli.RunAsync(["kb", "add-question", "records-certificates", "справка в бассейн ребёнку"], settings);
        var exported = await BotHostCli.RunAsync(["kb", "export", Path.Combine(_directory, "kb.json")], settings);
        var imported = await BotHostCli.RunAsync(["kb", "import", Path.Combine(_directory, "kb.json")], settings);

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.True(exported.ExitCode == 0 && imported.ExitCode == 0, exported.Error + imported.Error);
        var lines = await StaffAuditFile.LinesAsync(data);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(StaffAuditFile.CliActor)} kb-question-added records-certificates v\d+$", lines[0]);
        Assert.Matches(@" kb-imported kb\.json: \d+ articles$", lines[1]);
        Assert.Equal(2, lines.Count);

        await using var staff = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "staff.db")};Pooling=false");
        await staff.OpenAsync();
        await using var command = staff.CreateCommand();
        command.CommandText = "SELECT Author FROM StaffArticleVersions WHERE ArticleId = 'records-certificates' ORDER BY Id";
        var authors = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                authors.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["импорт", StaffAuditFile.CliActor], authors);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
