using System.Globalization;
using System.Text.Json;
using Assistant.Bot.Host.Knowledge;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;

namespace Assistant.Bot.Host.Cli;

/// <summary>`ask "<text>" [--json]`: the same decision POST /api/ask gives, from the command line.</summary>
public static class AskCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, CancellationToken ct)
    {
        var arguments = new CliArguments(args, "json");
        if (arguments.Positional.Count == 0)
        {
            throw new CliUsageException("ask needs the text of a question.");
        }

        var knowledge = CliVerbs.Knowledge(services());
        await knowledge.InitializeAsync(SeedKnowledgeBase.Load, ct);
        var result = await knowledge.AskAsync(new AskRequest(string.Join(" ", arguments.Positional), arguments.Get("segment"), arguments.Get("life-situation")), ct);
        if (arguments.Has("json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(AskResponse.From(result), Json));
            return 0;
        }

        Console.WriteLine($"{result.Decision}: {result.Reason}");
        foreach (var c in result.Candidates)
        {
            var mark = result.Chosen.Any(x => x.ArticleId == c.ArticleId) ? "*" : " ";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mark} {c.Score:0.000}  {c.ArticleId,-36} {c.Title}"));
        }

        if (result.Corrections.Count > 0)
        {
            Console.WriteLine("corrections: " + string.Join(", ", result.Corrections));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Timings.TotalMs:0.00} ms"));
        return 0;
    }
}
