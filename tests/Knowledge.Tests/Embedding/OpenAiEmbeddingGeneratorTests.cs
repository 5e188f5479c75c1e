using System.ClientModel;
using System.Net;
using Assistant.Knowledge.Embedding;
using Microsoft.Extensions.AI;

namespace Assistant.Knowledge.Tests.Embedding;

public sealed class OpenAiEmbeddingGeneratorTests : IAsyncLifetime
{
    private const string Key = "sk-test-0123456789";
    private const string Model = "text-embedding-3-small";

    private FakeOpenAiEmbeddingsServer _server = null!;

    public Task InitializeAsync()
    {
        _server = FakeOpenAiEmbeddingsServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task Each_input_gets_its_own_vector_in_order(string trailingSlash)
    {
        using var generator = Create(options => options.Endpoint = new Uri(_server.BaseAddress + trailingSlash));
        string[] inputs = ["Как продлить полис ОМС?", "How do I renew my passport?", "третий вопрос", ""];

        var embeddings = await generator.GenerateAsync(inputs);

        Assert.Equal(inputs.Length, embeddings.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(FakeOpenAiEmbeddingsServer.VectorFor(inputs[i], FakeOpenAiEmbeddingsServer.DefaultDimensions), embeddings[i].Vector.ToArray());
        }

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal(inputs, request.Body!["input"]!.AsArray().Select(item => item!.GetValue<string>()));
    }

    [Fact]
    public async Task The_configured_model_and_bearer_key_are_sent()
    {
        using var generator = Create(options => options.Model = "my-local-embedder");

        await generator.GenerateAsync(["hello"]);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Bearer " + Key, request.Authorization);
        Assert.Equal("my-local-embedder", request.Body!["model"]!.GetValue<string>());
        Assert.Null(request.Body["dimensions"]);
    }

    [Fact]
    public async Task Without_a_key_a_placeholder_is_sent_for_local_servers()
    {
        using var generator = Create(options => options.ApiKey = "");

        var embeddings = await generator.GenerateAsync(["hello"]);

        Assert.Single(embeddings);
        var authorization = Assert.Single(_server.Requests).Authorization;
        Assert.StartsWith("Bearer ", authorization);
        Assert.True(authorization!.Length > "Bearer ".Length);
    }

    [Fact]
    public async Task Configured_dimensions_are_requested()
    {
        using var generator = Create(options => options.Dimensions = 5);

        var embeddings = await generator.GenerateAsync(["hello", "world"]);

        Assert.Equal(5, Assert.Single(_server.Requests).Body!["dimensions"]!.GetValue<int>());
        Assert.All(embeddings, embedding => Assert.Equal(5, embedding.Vector.Length));
    }

    [Fact]
    public void Metadata_names_the_provider_and_model()
    {
        using var generator = Create(options => options.Dimensions = 256);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(Model, metadata.DefaultModelId);
        Assert.Equal(256, metadata.DefaultModelDimensions);
    }

    [Fact]
    public async Task A_server_error_surfaces_as_an_exception()
    {
        _server.FailWith = HttpStatusCode.InternalServerError;
        using var generator = Create(options => options.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => generator.GenerateAsync(["hello"]));

        Assert.Equal(500, error.Status);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_as_configured_before_it_surfaces()
    {
        _server.FailWith = HttpStatusCode.ServiceUnavailable;
        using var generator = Create(options => options.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<ClientResultException>(() => generator.GenerateAsync(["hello"]));

        Assert.Equal(503, error.Status);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_rejected_key_surfaces_without_revealing_the_key()
    {
        _server.FailWith = HttpStatusCode.Unauthorized;
        using var generator = Create();

        var error = await Assert.ThrowsAsync<ClientResultException>(() => generator.GenerateAsync(["hello"]));

        Assert.Equal(401, error.Status);
        Assert.Single(_server.Requests);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public void Options_never_print_the_key()
    {
        var options = new OpenAiEmbeddingOptions { Endpoint = _server.BaseAddress, ApiKey = Key, Model = Model };

        Assert.DoesNotContain(Key, options.ToString());
    }

    [Fact]
    public void A_missing_model_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => OpenAiEmbeddingGeneratorFactory.Create(new OpenAiEmbeddingOptions { Endpoint = _server.BaseAddress, Model = " " }));
    }

    private IEmbeddingGenerator<string, Embedding<float>> Create(Action<OpenAiEmbeddingOptions>? configure = null)
    {
        var options = new OpenAiEmbeddingOptions { Endpoint = _server.BaseAddress, ApiKey = Key, Model = Model };
        configure?.Invoke(options);
        return OpenAiEmbeddingGeneratorFactory.Create(options);
    }
}
