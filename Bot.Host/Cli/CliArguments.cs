namespace Assistant.Bot.Host.Cli;

/// <summary>Positional words and --name value / --flag options of one verb.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CliArguments(string[] args, params string[] flags)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
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

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required.");
}
