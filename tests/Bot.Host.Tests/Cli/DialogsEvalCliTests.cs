using Assistant.Bot.Host.Tests.Support;
using System.Text.Json;

namespace Assistant.Bot.Host.Tests.Cli;

/// <summary><c>eval --dialogs</c>: dialogs played through the engine from one command, a row per set; bad files are clear errors.</summary>
public sealed class DialogsEvalCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistant-dialogs-cli-").FullName;

    [Fact]
    public async Task Each_file_gets_a_row_with_turns_right_clarifies_that_held_it_and_wrong_answers_and_misses_and_turns_are_written()
    {
        var dialogs = Path.Combine(_directory, "mine.jsonl");
        await File.WriteAllLinesAsync(dialogs,
        [
            """{"id": "a", "turns": [{"user": "здравствуйте", "expect": "greeting"}, {"user": "как получить полис омс", "expect": "oms-get-policy"}, {"user": "а для ребёнка?", "expect": "oms-newborn-policy"}, {"user": "спасибо", "expect": "smalltalk"}]}""",
            """{"id": "b", "turns": [{"user": "какая завтра погода в сочи", "expect": "fallback"}, {"user": "позовите оператора", "expect": "handoff"}]}""",
            """{"id": "c", "turns": [{"user": "просто текст", "expect": "any"}, {"user": "как получить полис омс", "expect": "dental-free"}]}""",
        ]);
        var misses = Path.Combine(_directory, "misses.jsonl");

        var turns = Path.Combine(_directory, "turns.jsonl");

        var (exitCode, output, error) = await BotHostCli.RunAsync(["eval", "--dialogs", dialogs, dialogs, "--misses", misses, "--turns", turns]);

        Assert.True(exitCode == 0, error);
        var rows = output.Split('\n').Where(l => l.StartsWith(Path.GetFileName(_directory) + "/mine.jsonl", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        // 3 dialogs, 7 judged turns: all right but the last, which is answered with another article than expected.
        Assert.Matches(@"\s3\s+7 \|\s+0\.857 0\.000\s+0\.143\s+0 \|", rows[0]);
        var missed = File.ReadAllLines(misses).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, missed.Count);
        Assert.All(missed, m => Assert.Equal("c", m.GetProperty("dialogId").GetString()));
        Assert.Equal("oms-get-policy", missed[0].GetProperty("articleId").GetString());

        // Every judged turn of both runs, with what the message alone got.
        var played = File.ReadAllLines(turns).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(14, played.Count);
        var child = played.First(t => t.GetProperty("user").GetString() == "а для ребёнка?");
        Assert.True(child.GetProperty("right").GetBoolean());
        Assert.Equal("oms-newborn-policy", child.GetProperty("articleId").GetString());
        Assert.Contains(child.GetProperty("aloneDecision").GetString(), new[] { "answer", "clarify", "fallback" });
        Assert.NotEmpty(child.GetProperty("aloneTop").EnumerateArray());
        Assert.Equal(missed.Count, played.Count(t => !t.GetProperty("right").GetBoolean()));
    }

    [Fact]
    public async Task A_malformed_line_or_an_unknown_article_is_an_error_naming_it()
    {
        var broken = Path.Combine(_directory, "broken.jsonl");
        await File.WriteAllLinesAsync(broken, ["""{"id": "a", "turns": [{"user": "полис", "expect": "any"}]}""", """{"id": "b", "turns": []}"""]);
        var (exitCode, _, error) = await BotHostCli.RunAsync(["eval", "--dialogs", broken]);
        Assert.Equal(1, exitCode);
        Assert.Contains("broken.jsonl, line 2", error);

        var unknown = Path.Combine(_directory, "unknown.jsonl");
        await File.WriteAllLinesAsync(unknown, ["""{"id": "a", "turns": [{"user": "полис", "expect": "no-such-article"}]}"""]);
        (exitCode, _, error) = await BotHostCli.RunAsync(["eval", "--dialogs", unknown]);
        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-article", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
