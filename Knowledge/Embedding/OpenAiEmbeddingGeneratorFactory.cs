using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Assistant.Knowledge.Embedding;

/// <summary>Builds the Microsoft.Extensions.AI embedder over the official OpenAI client for an OpenAI-compatible endpoint.</summary>
public static class OpenAiEmbeddingGeneratorFactory
{
    // The client rejects an empty key, while local servers (llama.cpp, vLLM, Ollama) ignore whatever is sent.
    private const string PlaceholderKey = "no-key";

    public static IEmbeddingGenerator<string, Embedding<float>> Create(OpenAiEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model, nameof(options.Model));
        if (options.Dimensions is { } dimensions)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1, nameof(options.Dimensions));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero, nameof(options.Timeout));
        if (options.Endpoint is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"Embeddings endpoint must be an absolute URI, got '{options.Endpoint}'.", nameof(options));
        }

        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = options.Timeout,
        };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey;
        var client = new OpenAIClient(new ApiKeyCredential(key), clientOptions);
        return client.GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
    }
}
