namespace Assistant.Knowledge.Retrieval.Calibration;

/// <summary>
/// Russian messages a health helpdesk must not answer from its KB (other ministries, pensions, taxes, small talk, abuse, requests
/// for a diagnosis or a dose), which calibration uses as examples of "nothing here answers this". Built in
/// (Resources/out-of-domain.ru.txt); an administrator may point <c>Retrieval:OutOfDomainPath</c> at an edited copy.
/// </summary>
public static class OutOfDomainMessages
{
    private const string ResourceName = "Assistant.Knowledge.Retrieval.Resources.out-of-domain.ru.txt";

    private static readonly Lazy<IReadOnlyList<string>> BuiltInMessages = new(() =>
    {
        using var stream = typeof(OutOfDomainMessages).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static IReadOnlyList<string> BuiltIn => BuiltInMessages.Value;

    public static IReadOnlyList<string> Load(string? path) => string.IsNullOrWhiteSpace(path) ? BuiltIn : Parse(File.ReadAllText(path));

    /// <summary>One message a line; blank lines and lines starting with # are skipped.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}
