namespace Assistant.Knowledge.Embedding;

/// <summary>
/// An OpenAI-compatible embeddings endpoint (section "Embeddings:OpenAI"): OpenAI itself or a local server speaking the same protocol.
/// A class rather than a record so that no generated ToString ever prints the key.
/// </summary>
public sealed class OpenAiEmbeddingOptions
{
    public const string Section = "Embeddings:OpenAI";

    /// <summary>Base address up to the version segment, e.g. http://localhost:8080/v1; requests go to {Endpoint}/embeddings.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Bearer key; local servers usually need none, and then a placeholder is sent because the client insists on one.</summary>
    public string ApiKey { get; set; } = "";

    public string Model { get; set; } = "text-embedding-3-small";

    /// <summary>Asks the server to shorten the vectors (text-embedding-3-* support it); null keeps the model's own size.</summary>
    public int? Dimensions { get; set; }

    /// <summary>Retries of throttled or failed (408, 429, 5xx) requests, with exponential back-off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How long one request may take before it is abandoned.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
}
