using Assistant.Knowledge.Embedding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>Picks the embedder named by Embeddings:Provider.</summary>
internal static class EmbedderFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        return options.Provider switch
        {
            _ => new HashedNgramEmbeddingGenerator(options.Dimensions),
        };
    }
}
