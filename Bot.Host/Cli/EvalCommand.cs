using System.Text.Json;
using Assistant.Evals;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Cli;

/// <summary>`eval --kb <file> --questions <q.jsonl> [--out report.json] [--misses misses.jsonl] [--outcomes all.jsonl]`: the quality figures, with the BM25 baseline.</summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, CancellationToken ct)
    {
        var arguments = new CliArguments(args);
        var kbPath = arguments.Require("kb");
        var questionsPath = arguments.Require("questions");
        var kb = await KbFile.ReadAsync(kbPath, ct);
        if (!kb.IsValid)
        {
            Console.Error.WriteLine($"{kbPath}: {kb.Errors.Count} error(s)");
            foreach (var error in kb.Errors)
            {
                Console.Error.WriteLine($"  {error}");
            }

            return 1;
        }

        var questions = await EvalQuestion.ReadAsync(questionsPath, ct);
        var provider = services();
        var runner = new EvalRunner(
            provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            // Always in process: the eval KB is temporary and must not touch a shared Qdrant collection (a full build prunes it).
            dimensions => new InMemoryVectorIndex(dimensions),
            provider.GetRequiredService<IOptions<RetrievalOptions>>().Value);
        var run = await runner.RunAsync(kb.KnowledgeBase!, questions, ct);
        Console.Write(EvalTable.Format(run.Report));

        if (arguments.Get("out") is { } outPath)
        {
            await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(run.Report, AskCommand.Json), ct);
            Console.WriteLine($"report: {outPath}");
        }

        if (arguments.Get("misses") is { } missesPath)
        {
            var misses = run.Assistant.Where(o => o.Question.InScope ? o.Rank != 1 || o.Decision != "answer" : o.Decision != "fallback");
            await File.WriteAllLinesAsync(missesPath, misses.Select(Line), ct);
        }

        if (arguments.Get("outcomes") is { } outcomesPath)
        {
            await File.WriteAllLinesAsync(outcomesPath, run.Assistant.Select(Line), ct);
        }

        return 0;
    }

    private static string Line(EvalOutcome o) =>
        JsonSerializer.Serialize(new { o.Question.Q, o.Question.Expected, o.Decision, o.Answered, o.Rank, top = o.Ranked.Take(3), o.TopScore, o.SecondScore, o.Reason })
            .ReplaceLineEndings(" ");
}
