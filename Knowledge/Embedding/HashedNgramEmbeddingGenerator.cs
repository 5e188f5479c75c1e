using Assistant.Knowledge.Analysis;
using Microsoft.Extensions.AI;

namespace Assistant.Knowledge.Embedding;

/// <summary>
/// The embedded default: no model, nothing to download. A text becomes a signed feature-hashed vector of its word stems and the
/// character trigrams of each stem, L2-normalised, so texts sharing words or parts of words (typos, compounds, other forms) land near each other.
/// </summary>
public sealed class HashedNgramEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "hashed-char-ngrams-v1";
    private const float WordWeight = 1.0f;
    private const float TrigramWeight = 0.45f;

    private readonly EmbeddingGeneratorMetadata _metadata;

    public HashedNgramEmbeddingGenerator(int dimensions = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("hashed", defaultModelId: ModelId, defaultModelDimensions: dimensions);
    }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Tokenizer.Split(TextNormalizer.Normalize(text)))
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            var stem = RussianStemmer.Stem(word);
            Add(vector, "w:" + stem, WordWeight);
            var padded = "<" + stem + ">";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Add(vector, padded.AsSpan(i, 3), TrigramWeight);
            }
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    private void Add(float[] vector, ReadOnlySpan<char> feature, float weight)
    {
        var hash = Fnv1a(feature);
        var index = (int)(hash % (uint)Dimensions);
        vector[index] += (hash & 0x8000_0000) == 0 ? weight : -weight;
    }

    private static uint Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        // Final avalanche so the sign bit and the low bits used for the index are independent.
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return hash;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
