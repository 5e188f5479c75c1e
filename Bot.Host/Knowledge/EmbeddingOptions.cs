namespace Assistant.Bot.Host.Knowledge;

/// <summary>Which embedder turns text into vectors (section "Embeddings"): hashed (default, offline), onnx or openai.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    public string Provider { get; set; } = "hashed";

    /// <summary>Vector size of the hashed embedder.</summary>
    public int Dimensions { get; set; } = 256;
}
