using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Knowledge.Tests.Embedding;

/// <summary>
/// A loopback server speaking the OpenAI embeddings protocol (POST {base}/embeddings), so the real OpenAI client can be tested without a network.
/// Vectors are derived from a hash of each text, so a test can tell which vector belongs to which input; every request is recorded.
/// </summary>
public sealed class FakeOpenAiEmbeddingsServer : IAsyncDisposable
{
    public const int DefaultDimensions = 8;

    private readonly HttpListener _listener;
    private readonly Task _loop;

    private FakeOpenAiEmbeddingsServer(HttpListener listener, int port)
    {
        _listener = listener;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/v1");
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The address to configure as the endpoint, without a trailing slash.</summary>
    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, every request is answered with this status and an OpenAI-style error body instead of vectors.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public static FakeOpenAiEmbeddingsServer Start()
    {
        // A port the OS just handed out is almost always still free a moment later; a few attempts cover the rare race.
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new FakeOpenAiEmbeddingsServer(listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    /// <summary>The vector the server returns for a text: stable, distinct per text, not normalised.</summary>
    public static float[] VectorFor(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = (hash[i % hash.Length] - 128) / 128f + i / 1000f;
        }

        return vector;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await RespondAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away mid-answer (a timeout in a test); the next request is unaffected.
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
        Requests.Enqueue(new RecordedRequest(
            context.Request.HttpMethod,
            context.Request.Url!.AbsolutePath,
            context.Request.Headers["Authorization"],
            body));

        if (context.Request.HttpMethod != "POST" || context.Request.Url.AbsolutePath != "/v1/embeddings")
        {
            await WriteAsync(context, HttpStatusCode.NotFound, Error("No such route.", "invalid_request_error"));
            return;
        }

        if (FailWith is { } status)
        {
            await WriteAsync(context, status, Error($"Simulated failure {(int)status}.", "server_error"));
            return;
        }

        var inputs = body?["input"] switch
        {
            JsonArray array => array.Select(item => item!.GetValue<string>()).ToArray(),
            JsonValue value => [value.GetValue<string>()],
            _ => null,
        };
        if (inputs is null)
        {
            await WriteAsync(context, HttpStatusCode.BadRequest, Error("'input' must be a string or an array of strings.", "invalid_request_error"));
            return;
        }

        var dimensions = body!["dimensions"]?.GetValue<int>() ?? DefaultDimensions;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        var tokens = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var vector = VectorFor(inputs[i], dimensions);
            tokens += inputs[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64 ? ToBase64(vector) : new JsonArray(vector.Select(x => (JsonNode?)x).ToArray()),
            });
        }

        await WriteAsync(context, HttpStatusCode.OK, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]?.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    /// <summary>The wire form of encoding_format=base64: the float32 values, little-endian, back to back.</summary>
    private static string ToBase64(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    private static JsonObject Error(string message, string type) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null } };

    private static async Task WriteAsync(HttpListenerContext context, HttpStatusCode status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    /// <summary>One request as it arrived: the JSON body is kept parsed, the Authorization header raw.</summary>
    public sealed record RecordedRequest(string Method, string Path, string? Authorization, JsonNode? Body);
}
