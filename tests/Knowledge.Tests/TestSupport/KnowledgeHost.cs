using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Knowledge.Tests.TestSupport;

/// <summary>
/// A KnowledgeService wired as in production with the embedded defaults: a SQLite file in a temp folder, the hashed n-gram
/// embedder and the in-memory vector index.
/// </summary>
public sealed class KnowledgeHost : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    private KnowledgeHost()
    {
        Store = new SqliteKnowledgeStore(_directory.File("knowledge.db"));
        Service = new KnowledgeService(Store, new HashedNgramEmbeddingGenerator(), dims => new InMemoryVectorIndex(dims), Options.Create(new RetrievalOptions()));
    }

    public SqliteKnowledgeStore Store { get; }

    public KnowledgeService Service { get; }

    /// <summary>Started on the seed KB, or on <paramref name="kb"/> when given.</summary>
    public static async Task<KnowledgeHost> StartAsync(Func<KnowledgeBase>? kb = null)
    {
        var host = new KnowledgeHost();
        await host.Service.InitializeAsync(kb ?? SeedKnowledgeBase.Load, CancellationToken.None);
        return host;
    }

    public Task<AskResult> AskAsync(string? text, string? segment = null, string? lifeSituation = null) =>
        Service.AskAsync(new AskRequest(text, segment, lifeSituation), CancellationToken.None);

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
