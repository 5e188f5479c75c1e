using System.IO.Compression;
using Assistant.Knowledge.Analysis;

namespace Assistant.Bot.Host.Cli;

/// <summary>`lexicon build <ru_RU.dic> <out.txt.gz>`: regenerates the general-Russian stem list from Debian's hunspell-ru.</summary>
public static class LexiconCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        if (args.Length != 3 || args[0] != "build")
        {
            throw new CliUsageException("lexicon build needs the hunspell .dic file and the output .txt.gz path.");
        }

        var stems = Lexicon.StemsFromHunspell(File.ReadLines(args[1]));
        await using var file = File.Create(args[2]);
        await using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        await using var writer = new StreamWriter(gzip);
        foreach (var stem in stems)
        {
            ct.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(stem);
        }

        Console.WriteLine($"{args[2]}: {stems.Count} stems");
        return 0;
    }
}
