using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Knowledge;

public static class KnowledgeExtensions
{
    /// <summary>
    /// The KB on embedded defaults: SQLite file under Storage:DataDirectory, in-process vector index, the configured embedder;
    /// with ConnectionStrings:Postgres the KB itself lives in PostgreSQL, shared by every host.
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
        services.AddSingleton<Func<int, IVectorIndex>>(_ => dimensions => new InMemoryVectorIndex(dimensions));
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
