using Assistant.Bot.Host.Staff.Accounts;

namespace Assistant.Bot.Host.Cli;

/// <summary>
/// What `staff …` was asked to do, checked before the accounts are opened: a misspelt sub-command, option or group name is
/// refused with the usage (exit 2) and changes nothing.
/// </summary>
/// <param name="Groups">The groups of `add`; null when --groups was not given (an existing account keeps its groups).</param>
public sealed record StaffCommandLine(string Action, string? Login, string? Role, IReadOnlyList<string>? Groups)
{
    /// <summary>Every sub-command and the options it takes (with a value); the top-level usage lists them from <see cref="Lines"/>.</summary>
    private static readonly Dictionary<string, string[]> SubCommands = new(StringComparer.Ordinal)
    {
        ["add"] = ["role", "groups"],
        ["token"] = [],
        ["revoke"] = [],
        ["totp"] = [],
        ["unlock"] = [],
        ["list"] = [],
    };

    public static IReadOnlyCollection<string> Names => SubCommands.Keys;

    /// <summary>The staff lines of the usage, indented as in the top-level usage.</summary>
    public const string Lines = """
          staff add <login> --role operator|moderator|supervisor|admin [--groups oms,care]   (password on stdin; an existing
                                     login gets the new password and role, keeps its groups unless --groups is given, and is unlocked)
          staff token <login>        prints a new personal API token as the last line
          staff revoke <login>       revokes every token of the account
          staff totp <login>         turns on the second factor and prints its key
          staff unlock <login>       lifts the lockout after too many wrong passwords
          staff list                 login, roles, groups, 2fa
          staff help                 this text

        """;

    public const string Usage = "Usage: dotnet run --project Bot.Host -- staff <sub-command> …\n" + Lines;

    /// <summary>`staff help`, `staff --help`, `staff -h` (also after a sub-command): the usage on stdout, exit 0.</summary>
    public static bool IsHelp(string[] args) => args is ["help", ..] || args.Contains("--help") || args.Contains("-h");

    /// <summary>Throws <see cref="CliUsageException"/> with the reason when the words do not make one sub-command.</summary>
    public static StaffCommandLine Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new CliUsageException($"staff needs a sub-command: {string.Join(", ", SubCommands.Keys)}.");
        }

        var action = args[0];
        if (!SubCommands.TryGetValue(action, out var options))
        {
            throw new CliUsageException($"Unknown staff sub-command '{action}'.");
        }

        var arguments = CliArguments.Only(args[1..], options);
        if (action == "list")
        {
            return arguments.Positional.Count == 0
                ? new StaffCommandLine(action, null, null, null)
                : throw new CliUsageException("staff list takes no login.");
        }

        if (arguments.Positional.Count != 1)
        {
            throw new CliUsageException($"staff {action} needs exactly one login.");
        }

        var login = arguments.Positional[0];
        return action == "add"
            ? new StaffCommandLine(action, login, arguments.Require("role"), arguments.Has("groups") ? ParseGroups(arguments.Get("groups")) : null)
            : new StaffCommandLine(action, login, null, null);
    }

    private static IReadOnlyList<string> ParseGroups(string? value)
    {
        var groups = StaffGroups.Parse(value);
        if (groups.FirstOrDefault(g => !StaffGroups.IsName(g)) is { } bad)
        {
            throw new CliUsageException(
                $"Bad group name '{bad}': use latin letters, digits and hyphens, separated by commas (e.g. --groups oms,sick-leave).");
        }

        return groups;
    }
}
