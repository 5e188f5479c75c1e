using System.IO.Compression;
using System.Reflection;

namespace Assistant.Knowledge.Analysis;

/// <summary>Reads the editable text resources (stop words, dictionaries) shipped inside the assembly.</summary>
internal static class EmbeddedText
{
    public static IEnumerable<string> ReadLines(string fileName)
    {
        var assembly = typeof(EmbeddedText).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var raw = assembly.GetManifestResourceStream(name)!;
        using var stream = fileName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                yield return trimmed;
            }
        }
    }
}
