using System.Text.Json;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Templates;
using Assistant.Evals.Dialogs;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Seed;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// <c>eval --dialogs [FILE.jsonl …] [--kb kb.json] [--misses misses.jsonl] [--turns turns.jsonl]</c>: plays each file's dialogs
/// through the engine with the host's dialog settings and phrases, and prints one row per file. A file is played on <c>--kb</c>, else on the
/// <c>kb.json</c> beside it, else on the seed KB. With no file: the committed sets (<see cref="CommittedSets"/>).
/// </summary>
public static class DialogsCommand
{
    public static readonly string[] CommittedSets =
    [
        Path.Combine("evals", "datasets", "dialogs", "seed.jsonl"),
        Path.Combine("evals", "datasets", "holdout", "dialogs.jsonl"),
    ];

    public static async Task<int> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken ct)
    {
        var files = arguments.Positional.Count > 0 ? arguments.Positional : [.. CommittedSets];
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = configuration.GetSection(DialogOptions.Section).Get<DialogOptions>() ?? new DialogOptions();
        var phrases = BotPhrases.Load(options.PhrasesPath);
        var runner = EvalCommand.Runner(services);
        var misses = new List<DialogMiss>();
        var turns = new List<DialogTurn>();

        Console.WriteLine(DialogEval.Header);
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"{file}: no such file");
                return 1;
            }

            var kbPath = arguments.Get("kb") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "kb.json");
            KnowledgeBase? kb = File.Exists(kbPath) ? await EvalCommand.ReadKbAsync(kbPath, ct) : SeedKnowledgeBase.Load();
            if (kb is null)
            {
                return 1;
            }

            IReadOnlyList<EvalDialog> dialogs;
            try
            {
                dialogs = await EvalDialog.ReadAsync(file, ct);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }

            var name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) + "/" + Path.GetFileName(file);
            try
            {
                var (report, missed, played) = await runner.WithKnowledgeAsync(kb, knowledge => DialogEval.RunAsync(name, dialogs, knowledge, phrases, options, ct), ct);
                Console.WriteLine(DialogEval.Row(report));
                misses.AddRange(missed);
                turns.AddRange(played);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        }

        if (arguments.Get("misses") is { } missesPath)
        {
            await File.WriteAllLinesAsync(missesPath, misses.Select(m => JsonSerializer.Serialize(m, AskCommand.Json).ReplaceLineEndings(" ")), ct);
            Console.WriteLine($"misses: {missesPath}");
        }

        if (arguments.Get("turns") is { } turnsPath)
        {
            await File.WriteAllLinesAsync(turnsPath, turns.Select(t => JsonSerializer.Serialize(t, AskCommand.Json).ReplaceLineEndings(" ")), ct);
            Console.WriteLine($"turns: {turnsPath}");
        }

        return 0;
    }
}
