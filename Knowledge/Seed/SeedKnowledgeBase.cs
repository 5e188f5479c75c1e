using Assistant.Knowledge.Import;
using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Seed;

/// <summary>The team's seed KB (Seed/seed-kb.json), loaded into an empty store on first run.</summary>
public static class SeedKnowledgeBase
{
    public const string ResourceName = "Assistant.Knowledge.Seed.seed-kb.json";

    public static KnowledgeBase Load()
    {
        using var stream = typeof(SeedKnowledgeBase).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The seed KB resource '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        var result = KbJsonFormat.Parse(reader.ReadToEnd());
        return result.IsValid
            ? result.KnowledgeBase!
            : throw new InvalidOperationException("The seed KB is invalid: " + string.Join("; ", result.Errors));
    }
}
