using Assistant.Knowledge.Embedding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Host.Knowledge;

/// <summary>Picks the embedder named by Embeddings:Provider: hashed (offline default), onnx (Embeddings:Onnx) or openai (Embeddings:OpenAI).</summary>
internal static class EmbedderFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        var configuration = services.GetRequiredService<IConfiguration>();
        return options.Provider switch
        {
            "onnx" => new OnnxEmbeddingGenerator(configuration.GetSection(OnnxEmbeddingOptions.Section).Get<OnnxEmbeddingOptions>()
                ?? throw new InvalidOperationException("Embeddings:Provider is onnx but the Embeddings:Onnx section is missing.")),
            "openai" => OpenAiEmbeddingGeneratorFactory.Create(configuration.GetSection(OpenAiEmbeddingOptions.Section).Get<OpenAiEmbeddingOptions>()
                ?? throw new InvalidOperationException("Embeddings:Provider is openai but the Embeddings:OpenAI section is missing.")),
            _ => new HashedNgramEmbeddingGenerator(options.Dimensions),
        };
    }
}
