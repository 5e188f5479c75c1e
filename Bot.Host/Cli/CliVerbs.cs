using Assistant.Bot.Host.Knowledge;
using Assistant.Bot.Host.Staff;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Bot.Host.Cli;

/// <summary>`dotnet run --project Bot.Host -- VERB …`: the same services as the web app, on the same data directory, without the web server.</summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["ask", "kb", "eval", "lexicon", "staff", "data", "healthcheck", "help", "--help"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>
    /// A first word that is neither a verb nor a host option (<c>--urls …</c>, <c>Key=value</c>): a misspelt verb, which must not
    /// silently start the web app.
    /// </summary>
    public static bool IsUnknownVerb(string[] args) =>
        args.Length > 0 && !Verbs.Contains(args[0]) && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) && !args[0].StartsWith('/');

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var ct = cancellation.Token;
        try
        {
            return args[0] switch
            {
                "ask" => await AskCommand.RunAsync(args[1..], BuildServices, ct),
                "kb" => await KbCommand.RunAsync(args[1..], BuildDataServices, ct),
                "eval" => await EvalCommand.RunAsync(args[1..], BuildServices, ct),
                "lexicon" => await LexiconCommand.RunAsync(args[1..], ct),
                "data" => await DataCommand.RunAsync(args[1..], BuildDataServices, Console.Out, ct),
                "healthcheck" => await HealthcheckCommand.RunAsync(args[1..], Console.Error, ct),
                "staff" => await StaffCommand.RunAsync(args[1..], BuildStaffServices, Console.In, Console.Out, Console.Error, ct),
                _ => Usage(),
            };
        }
        catch (CliUsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return Usage();
        }
    }

    public static int Usage(string? unknown = null)
    {
        if (unknown is not null)
        {
            Console.Error.WriteLine($"Unknown verb '{unknown}'.");
        }

        Console.Error.WriteLine("""
            Usage: dotnet run --project Bot.Host -- <verb> …
              ask "<text>" [--json] [--segment citizen|business|medic] [--life-situation <id>]
              kb import <file.json|.csv|.tsv>
              kb export <file.json|.csv|.tsv>
              kb validate <file.json|.csv|.tsv>
              kb add-question <article-id> "<text>"
              eval --kb <kb.json|csv> --questions <q.jsonl> [--phrasings N] [--curation] [--out report.json] [--outcomes all.jsonl]
              eval --suite [--datasets evals/datasets]
              eval --dialogs [FILE.jsonl …] [--kb <kb.json>] [--misses misses.jsonl]
              lexicon build <ru_RU.dic> <out.txt.gz>
              data purge [--dry-run]     removes what is older than its retention period (Retention:*)
              data export --channel <web|telegram|vk> --user <id> [--out file.json]   everything kept about one person (audited)
              data erase --channel <web|telegram|vk> --user <id>                      deletes it (audited)
              healthcheck [--url http://127.0.0.1:8080/healthz/live]   exit 0 when the running app is live (the image's HEALTHCHECK)
            """);

        // One list of staff sub-commands for both usages, so a new one (unlock) cannot be missing here.
        Console.Error.Write(StaffCommandLine.Lines);
        return 2;
    }

    /// <summary>The app's services (configuration, data directory, embedder) with quiet logging, without starting the web host.</summary>
    private static IServiceProvider BuildServices()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddKnowledge();
        return builder.Build().Services;
    }

    /// <summary>The dialog stores and the retention purge on the configured storage, without the web host.</summary>
    public static IServiceProvider BuildDataServices()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddKnowledge();
        Assistant.Bot.Host.Dialogs.DialogsExtensions.AddDialogs(builder);
        Assistant.Bot.Host.Retention.RetentionExtensions.AddRetention(builder, inBackground: false);
        builder.AddStaffAccounts();
        return builder.Build().Services;
    }

    /// <summary>Staff accounts and the audit log on the configured storage (staff.db, or PostgreSQL), without the web host.</summary>
    public static IServiceProvider BuildStaffServices()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddStaffAccounts();
        return builder.Build().Services;
    }

    internal static KnowledgeService Knowledge(IServiceProvider services) => services.GetRequiredService<KnowledgeService>();

    /// <summary>The audit log on the configured storage, its tables created when this is the first use of the data directory.</summary>
    internal static async Task<Assistant.Bot.Host.Staff.Audit.AuditLog> AuditLogAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var db = await services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Assistant.Bot.Host.Staff.StaffDbContext>>().CreateDbContextAsync(ct))
        {
            await Assistant.Bot.Host.Staff.StaffDatabase.EnsureSchemaAsync(db, ct);
        }

        return services.GetRequiredService<Assistant.Bot.Host.Staff.Audit.AuditLog>();
    }

    /// <summary>Who the audit log names for a command run from the shell: the operating system's user.</summary>
    internal static string Actor => "cli:" + Environment.UserName;
}

public sealed class CliUsageException(string message) : Exception(message);
