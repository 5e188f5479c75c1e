namespace Assistant.Bot.Host.Cli;

/// <summary>Positional words and --name value / --flag options of one verb.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArguments(string[] args, params string[] flags)
        : this(args, flags, known: null)
    {
    }

    private CliArguments(string[] args, string[] flags, string[]? known)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                if (known is not null && !known.Contains(name))
                {
                    throw new CliUsageException($"Unknown option --{name}.");
                }

                if (flags.Contains(name))
                {
                    _options[name] = null;
                }
                else if (i + 1 < args.Length)
                {
                    _options[name] = args[++i];
                }
                else
                {
                    throw new CliUsageException($"--{name} needs a value.");
                }
            }
            else
            {
                Positional.Add(args[i]);
            }
        }
    }

    /// <summary>
    /// Arguments that may only carry <paramref name="options"/> (with values) and <paramref name="flags"/>: a misspelt option
    /// (--gropus) is refused instead of being silently ignored.
    /// </summary>
    public static CliArguments Only(string[] args, string[] options, params string[] flags) => new(args, flags, [.. options, .. flags]);

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required.");
}
