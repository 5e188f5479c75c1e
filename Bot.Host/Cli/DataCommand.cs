using System.Globalization;
using System.Text.Json;
using Assistant.Bot.Host.Staff;
using Assistant.Bot.Host.Staff.Audit;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Privacy;
using Assistant.Dialogs.Retention;
using Assistant.Dialogs.Stores;
using Microsoft.EntityFrameworkCore;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// Personal data on the configured storage (docs/personal-data.md):
/// <c>data purge [--dry-run]</c> removes (or only counts) what is older than its retention period;
/// <c>data export --channel C --user U [--out file.json]</c> prints everything kept about one person as JSON;
/// <c>data erase --channel C --user U</c> deletes it. Export and erasure are written to the staff audit log.
/// </summary>
public static class DataCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(string[] args, Func<IServiceProvider> services, TextWriter output, CancellationToken ct)
    {
        var arguments = new CliArguments(args, "dry-run");
        switch (arguments.Positional)
        {
            case ["purge"]:
                return await PurgeAsync(services(), arguments.Has("dry-run"), output, ct);
            case ["export" or "erase"]:
                var person = new ConversationKey(arguments.Require("channel"), arguments.Require("user"));
                var provider = services();
                var requests = new PersonalDataRequests(provider.GetRequiredService<DialogStores>());
                var audit = await CliVerbs.AuditLogAsync(provider, ct);
                var actor = CliVerbs.Actor;
                if (arguments.Positional[0] == "export")
                {
                    var export = await requests.ExportAsync(person, ct);
                    var json = JsonSerializer.Serialize(export, Json);

                    // Audited before the data leaves: an export cut short must still be on record.
                    await audit.WriteAsync(actor, "data.export", details: $"{person.Channel}:{person.UserId}, {export.Conversations.Count} conversation(s)", cancellationToken: CancellationToken.None);
                    if (arguments.Get("out") is { } path)
                    {
                        await File.WriteAllTextAsync(path, json, ct);
                        await output.WriteLineAsync($"exported {export.Conversations.Count} conversation(s) to {path}");
                    }
                    else
                    {
                        await output.WriteLineAsync(json);
                    }

                    return 0;
                }

                var erased = await requests.EraseAsync(person, ct);
                await audit.WriteAsync(actor, "data.erase", details: $"{person.Channel}:{person.UserId}, {erased.Conversations} conversation(s), {erased.Records} record(s)", cancellationToken: CancellationToken.None);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"erased {erased.Conversations} conversation(s), {erased.Records} record(s) of {person.Channel}:{person.UserId}"));
                return 0;
            default:
                throw new CliUsageException("data: expected «data purge [--dry-run]», «data export --channel C --user U [--out file.json]» or «data erase --channel C --user U».");
        }
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, bool dryRun, TextWriter output, CancellationToken ct)
    {
        var report = await services.GetRequiredService<RetentionPurge>().RunAsync(dryRun, ct);
        if (!dryRun)
        {
            var deleted = string.Join(", ", report.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}")));
            await (await CliVerbs.AuditLogAsync(services, ct)).WriteAsync(CliVerbs.Actor, "data.purge", details: deleted, cancellationToken: CancellationToken.None);
        }

        await output.WriteLineAsync(dryRun ? "Would delete (nothing deleted, --dry-run):" : "Deleted:");
        foreach (var (kind, count) in report.Counts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-18} {count}"));
        }

        return 0;
    }

}
