using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Import;

/// <summary>Reads and writes a KB file, choosing the format by extension: .json, .csv or .tsv.</summary>
public static class KbFile
{
    public static async Task<KbValidationResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return KbValidationResult.Failed(new KbError(path, "file", "no such file"));
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(path, text);
    }

    public static KbValidationResult Parse(string path, string text) => Extension(path) switch
    {
        ".json" => KbJsonFormat.Parse(text),
        ".csv" or ".tsv" => KbCsvFormat.Parse(text, KbCsvFormat.DelimiterFor(path)),
        var other => KbValidationResult.Failed(new KbError(path, "file", $"unknown extension '{other}': use .json, .csv or .tsv")),
    };

    public static async Task WriteAsync(string path, KnowledgeBase kb, CancellationToken cancellationToken)
    {
        var text = Extension(path) switch
        {
            ".json" => KbJsonFormat.Write(kb),
            ".csv" or ".tsv" => KbCsvFormat.Write(kb, KbCsvFormat.DelimiterFor(path)),
            var other => throw new ArgumentException($"Unknown extension '{other}': use .json, .csv or .tsv.", nameof(path)),
        };
        await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false), cancellationToken);
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
