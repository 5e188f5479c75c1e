using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Qdrant.Client;

namespace Assistant.Bot.Host.Knowledge;

public static class KnowledgeExtensions
{
    /// <summary>
    /// The KB on embedded defaults: SQLite file under Storage:DataDirectory, in-process vector index, the configured embedder;
    /// with ConnectionStrings:Postgres the KB itself lives in PostgreSQL, shared by every host, and with ConnectionStrings:Qdrant
    /// the question vectors live in a Qdrant collection.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
        services.AddOptions<EmbeddingOptions>().Bind(builder.Configuration.GetSection(EmbeddingOptions.Section))
            .Validate(o => o.Provider is "hashed" or "onnx" or "openai", "Embeddings:Provider must be hashed, onnx or openai")
            .ValidateOnStart();
        services.AddOptions<RetrievalOptions>().Bind(builder.Configuration.GetSection(RetrievalOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.ClarifyThreshold <= o.AnswerThreshold, "Retrieval:ClarifyThreshold must not exceed Retrieval:AnswerThreshold")
            .ValidateOnStart();

        var postgres = builder.Configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            services.AddSingleton<IKnowledgeStore>(sp => new SqliteKnowledgeStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.KnowledgeDatabasePath));
        }
        else
        {
            // Shared by every host; each keeps its own index and reloads it when another host changes the KB.
            services.AddSingleton(_ => new PostgresKnowledgeStore(postgres));
            services.AddSingleton<IKnowledgeStore>(sp => sp.GetRequiredService<PostgresKnowledgeStore>());
        }

        services.AddSingleton(EmbedderFactory.Create);
        var qdrant = builder.Configuration.GetConnectionString("Qdrant");
        if (string.IsNullOrWhiteSpace(qdrant))
        {
            services.AddSingleton<Func<int, IVectorIndex>>(_ => dimensions => new InMemoryVectorIndex(dimensions));
        }
        else
        {
            if (!Uri.TryCreate(qdrant, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException("ConnectionStrings:Qdrant must be the gRPC endpoint's URL, e.g. http://qdrant:6334");
            }

            services.AddOptions<QdrantOptions>().Bind(builder.Configuration.GetSection(QdrantOptions.Section))
                .Validate(o => !string.IsNullOrWhiteSpace(o.Collection), "Qdrant:Collection must not be empty")
                .Validate(o => o.Timeout >= TimeSpan.FromSeconds(1) && o.Timeout.Ticks % TimeSpan.TicksPerSecond == 0, "Qdrant:Timeout must be whole seconds, at least 1")
                .ValidateOnStart();
            services.AddSingleton(sp =>
            {
                var settings = sp.GetRequiredService<IOptions<QdrantOptions>>().Value;
                return new QdrantClient(address, settings.ApiKey, settings.Timeout);
            });
            services.AddSingleton<Func<int, IVectorIndex>>(sp =>
            {
                var client = sp.GetRequiredService<QdrantClient>();
                var prefix = sp.GetRequiredService<IOptions<QdrantOptions>>().Value.Collection;
                var embedder = sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>();
                return dimensions => new QdrantVectorIndex(
                    client, QdrantVectorIndex.CollectionName(prefix, embedder?.ProviderName, embedder?.DefaultModelId, dimensions), dimensions);
            });
        }

        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<IKnowledgeSearch>(sp => sp.GetRequiredService<KnowledgeService>());
        services.AddHostedService<KnowledgeInitializer>();
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddHostedService<KnowledgeSync>();
        }

        return builder;
    }
}
