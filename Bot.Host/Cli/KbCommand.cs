using Microsoft.Extensions.DependencyInjection;
using Assistant.Knowledge.Import;
using Assistant.Knowledge.Seed;

namespace Assistant.Bot.Host.Cli;

/// <summary>`kb import|export|validate <file>`: moving a KB in and out of the store (JSON, CSV or TSV by extension).</summary>
public static class KbCommand
{
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, CancellationToken ct)
    {
        if (args.Length == 3 && args[0] == "add-question")
        {
            var provider = services();
            await CliVerbs.Knowledge(provider).InitializeAsync(SeedKnowledgeBase.Load, ct);
            await CliVerbs.AuditLogAsync(provider, ct);
            var outcome = await provider.GetRequiredService<Staff.KbEditor.CuratedQuestion>().AddAsync(CliVerbs.Actor, args[1], args[2], ct);
            if (outcome != Staff.KbEditor.CuratedQuestionOutcome.Added)
            {
                Console.Error.WriteLine(outcome == Staff.KbEditor.CuratedQuestionOutcome.Invalid
                    ? $"A question is 1 to {Assistant.Knowledge.Import.KbValidator.MaxQuestionLength} characters; nothing was changed."
                    : $"No article '{args[1]}'; nothing was changed.");
                return 1;
            }

            Console.WriteLine($"{args[1]}: added «{args[2].Trim()}»");
            return 0;
        }

        if (args.Length != 2)
        {
            throw new CliUsageException("kb needs a sub-command (import, export, validate) and a file, or add-question <article-id> \"<text>\".");
        }

        var (action, path) = (args[0], args[1]);
        switch (action)
        {
            case "validate":
            {
                var result = await KbFile.ReadAsync(path, ct);
                return Report(result, path, "is valid");
            }

            case "import":
            {
                var result = await KbFile.ReadAsync(path, ct);
                if (!result.IsValid)
                {
                    return Report(result, path, "");
                }

                var provider = services();
                var imported = await CliVerbs.Knowledge(provider).ImportAsync(result.KnowledgeBase!, ct);
                if (imported.IsValid)
                {
                    await (await CliVerbs.AuditLogAsync(provider, ct)).WriteAsync(CliVerbs.Actor, "kb-imported",
                        details: $"{Path.GetFileName(path)}: {imported.KnowledgeBase!.Articles.Count} articles", cancellationToken: CancellationToken.None);
                }

                return Report(imported, path, "imported");
            }

            case "export":
            {
                if (Path.GetExtension(path).ToLowerInvariant() is not (".json" or ".csv" or ".tsv"))
                {
                    throw new CliUsageException($"kb export writes .json, .csv or .tsv, not '{Path.GetExtension(path)}'.");
                }

                var knowledge = CliVerbs.Knowledge(services());
                await knowledge.InitializeAsync(SeedKnowledgeBase.Load, ct);
                var kb = await knowledge.ExportAsync(ct);
                await KbFile.WriteAsync(path, kb, ct);
                Console.WriteLine($"{path}: exported {kb.LifeSituations.Count} life situations, {kb.Articles.Count} articles, {kb.Synonyms.Count} synonym groups");
                return 0;
            }

            default:
                throw new CliUsageException($"Unknown kb sub-command '{action}'.");
        }
    }

    private static int Report(KbValidationResult result, string path, string success)
    {
        if (result.IsValid)
        {
            var kb = result.KnowledgeBase!;
            Console.WriteLine($"{path}: {success}: {kb.LifeSituations.Count} life situations, {kb.Articles.Count} articles, {kb.Articles.Sum(a => a.Questions.Count)} questions, {kb.Synonyms.Count} synonym groups");
            return 0;
        }

        Console.Error.WriteLine($"{path}: {result.Errors.Count} error(s); nothing was changed");
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"  {error}");
        }

        return 1;
    }
}
