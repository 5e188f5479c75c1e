namespace Assistant.Bot.Host.Knowledge;

/// <summary>Where the embedded defaults keep their files (section "Storage", env Storage__DataDirectory).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DataDirectory { get; set; } = "./data";

    public string KnowledgeDatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "knowledge.db");
}
