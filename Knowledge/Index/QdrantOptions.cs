namespace Assistant.Knowledge.Index;

/// <summary>
/// Section "Qdrant": used when ConnectionStrings:Qdrant names a Qdrant gRPC endpoint (e.g. http://qdrant:6334), so every host
/// searches one shared collection instead of its own in-process index.
/// </summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    /// <summary>Collection name prefix; a short hash of the embedder and the vector size are appended ("assistant_questions_1f2e3d4c_256").</summary>
    public string Collection { get; set; } = "assistant_questions";

    /// <summary>Sent as the api-key header when the server requires one. Keep it in a secret store or environment variable.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Deadline of every call. A Qdrant that hangs must not hold questions up: when a search runs out of time the question is
    /// answered without the vector signal. Whole seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
