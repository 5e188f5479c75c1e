using System.Globalization;
using Assistant.Dialogs.Retention;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// <c>data purge [--dry-run]</c>: removes (or only counts) what is older than its retention period, on the configured storage,
/// and prints a line per kind of record.
/// </summary>
public static class DataCommand
{
    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, TextWriter output, CancellationToken ct)
    {
        var arguments = new CliArguments(args, "dry-run");
        if (arguments.Positional is not ["purge"])
        {
            throw new CliUsageException("data: expected «data purge [--dry-run]».");
        }

        var dryRun = arguments.Has("dry-run");
        var report = await services().GetRequiredService<RetentionPurge>().RunAsync(dryRun, ct);
        await output.WriteLineAsync(dryRun ? "Would delete (nothing deleted, --dry-run):" : "Deleted:");
        foreach (var (kind, count) in report.Counts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-18} {count}"));
        }

        return 0;
    }
}
