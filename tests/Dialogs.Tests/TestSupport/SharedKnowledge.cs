using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Dialogs.Tests.TestSupport;

/// <summary>
/// The real KnowledgeService on the seed KB with the embedded defaults (SQLite file, hashed n-gram embedder, in-memory index),
/// built once for the whole test run: dialogs only read from it.
/// </summary>
public static class SharedKnowledge
{
    private static readonly Lazy<Task<KnowledgeService>> Service = new(CreateAsync);

    public static Task<KnowledgeService> GetAsync() => Service.Value;

    private static async Task<KnowledgeService> CreateAsync()
    {
        var directory = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        var service = new KnowledgeService(new SqliteKnowledgeStore(directory.File("knowledge.db")), new HashedNgramEmbeddingGenerator(),
            dimensions => new InMemoryVectorIndex(dimensions), Options.Create(new RetrievalOptions()));
        await service.InitializeAsync(SeedKnowledgeBase.Load, CancellationToken.None);
        return service;
    }
}
