using System.Globalization;
using System.Text.Json;
using Assistant.Evals;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// <c>eval --kb &lt;file&gt; --questions &lt;q.jsonl&gt; [--phrasings N] [--out report.json] [--misses misses.jsonl] [--outcomes all.jsonl]</c>:
/// the figures of one set, with the BM25 baseline; <c>--curation</c>: the curation curve and one round of curation on that KB and set;
/// <c>eval --suite [--datasets evals/datasets]</c>: every committed set and both curation runs;
/// <c>eval --dialogs [FILE.jsonl …]</c>: dialogs played through the engine (<see cref="DialogsCommand"/>).
/// </summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, CancellationToken ct)
    {
        var arguments = new CliArguments(args, "curation", "suite", "dialogs");
        if (arguments.Has("dialogs"))
        {
            return await DialogsCommand.RunAsync(arguments, services(), ct);
        }

        if (arguments.Has("suite"))
        {
            return await SuiteAsync(arguments.Get("datasets") ?? Path.Combine("evals", "datasets"), Runner(services()), ct);
        }

        var kbPath = arguments.Require("kb");
        var questionsPath = arguments.Require("questions");
        if (await ReadKbAsync(kbPath, ct) is not { } kb)
        {
            return 1;
        }

        var questions = await EvalQuestion.ReadAsync(questionsPath, ct);
        var runner = Runner(services());
        if (arguments.Has("curation"))
        {
            Console.Write(FormatCuration(await new CurationProtocol(runner).RunAsync(kb, questions, ct)));
            return 0;
        }

        if (arguments.Get("phrasings") is { } phrasings)
        {
            kb = SparseKb.Keep(kb, int.TryParse(phrasings, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : throw new CliUsageException("--phrasings takes a whole number of phrasings per article, 1 or more."));
        }

        var run = await runner.RunAsync(kb, questions, ct);
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

    private static async Task<int> SuiteAsync(string datasets, EvalRunner runner, CancellationToken ct)
    {
        Console.WriteLine(EvalTable.OutcomeHeader("set / system"));
        foreach (var set in EvalSuite.Sets)
        {
            if (await ReadKbAsync(Path.Combine(datasets, set.Kb), ct) is not { } kb)
            {
                return 1;
            }

            kb = set.Phrasings is { } n ? SparseKb.Keep(kb, n) : kb;
            var run = await runner.RunAsync(kb, await EvalQuestion.ReadAsync(Path.Combine(datasets, set.Questions), ct), ct);
            Console.WriteLine(EvalTable.OutcomeRow(set.Name, run.Report));
            Console.WriteLine(EvalTable.OutcomeRow("  BM25 baseline", run.Report.Baseline));
        }

        foreach (var set in EvalSuite.Curation)
        {
            if (await ReadKbAsync(Path.Combine(datasets, set.Kb), ct) is not { } kb)
            {
                return 1;
            }

            Console.WriteLine();
            Console.WriteLine($"curation: {set.Name}");
            Console.Write(FormatCuration(await new CurationProtocol(runner).RunAsync(kb, await EvalQuestion.ReadAsync(Path.Combine(datasets, set.Questions), ct), ct)));
        }

        return 0;
    }

    private static string FormatCuration(CurationResult result)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(EvalTable.OutcomeHeader("phrasings per article"));
        foreach (var point in result.Curve)
        {
            sb.AppendLine(EvalTable.OutcomeRow(string.Create(CultureInfo.InvariantCulture, $"{point.Phrasings} (mean {point.MeanPhrasings:0.0})"), point.Metrics));
        }

        sb.AppendLine(result.IsMonotone ? "answered right rises at every step" : "answered right FALLS at some step");
        var round = result.Round;
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"one round: {round.Traffic} cut-away phrasings played as traffic, {round.Attached} missed and attached; {round.Unseen} never attached"));
        sb.AppendLine(EvalTable.OutcomeHeader("one round"));
        sb.AppendLine(EvalTable.OutcomeRow("unseen half, before", round.UnseenBefore));
        sb.AppendLine(EvalTable.OutcomeRow("unseen half, after", round.UnseenAfter));
        sb.AppendLine(EvalTable.OutcomeRow("question set, before", round.SetBefore));
        sb.AppendLine(EvalTable.OutcomeRow("question set, after", round.SetAfter));
        return sb.ToString();
    }

    internal static EvalRunner Runner(IServiceProvider provider) => new(
        provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
        // Always in process: the eval KB is temporary and must not touch a shared Qdrant collection (a full build prunes it).
        dimensions => new InMemoryVectorIndex(dimensions),
        provider.GetRequiredService<IOptions<RetrievalOptions>>().Value);

    internal static async Task<KnowledgeBase?> ReadKbAsync(string path, CancellationToken ct)
    {
        var kb = await KbFile.ReadAsync(path, ct);
        if (kb.IsValid)
        {
            return kb.KnowledgeBase!;
        }

        Console.Error.WriteLine($"{path}: {kb.Errors.Count} error(s)");
        foreach (var error in kb.Errors)
        {
            Console.Error.WriteLine($"  {error}");
        }

        return null;
    }

    private static string Line(EvalOutcome o) =>
        JsonSerializer.Serialize(new { o.Question.Q, o.Question.Expected, o.Decision, o.Answered, o.Rank, top = o.Ranked.Take(3), o.TopScore, o.SecondScore, o.Reason, offered = o.Offered,
            candidates = o.Candidates?.Select(c => new { id = c.ArticleId, score = c.Score, lexical = c.Lexical, vector = c.Vector, answerText = c.AnswerText, classifier = c.Classifier }) })
            .ReplaceLineEndings(" ");
}
