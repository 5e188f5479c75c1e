using System.Net;
using Assistant.Tests.Servers;

namespace Assistant.Bot.Host.Tests.Support;

/// <summary>
/// Just enough of an OpenTelemetry collector's OTLP/HTTP receiver on a loopback port: it keeps the body of every
/// <c>POST /v1/traces</c> (protobuf) and answers 200 with an empty export response, as a collector does.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly List<byte[]> _traces = [];

    public OtlpReceiver() => _server = new LoopbackHttpServer(ReceiveAsync);

    /// <summary>What OTEL_EXPORTER_OTLP_ENDPOINT is set to; the exporter adds /v1/traces.</summary>
    public string Endpoint => _server.Address;

    /// <summary>Every trace export received so far, as raw protobuf.</summary>
    public IReadOnlyList<byte[]> Traces
    {
        get
        {
            lock (_traces)
            {
                return [.. _traces];
            }
        }
    }

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        if (context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath == "/v1/traces")
        {
            lock (_traces)
            {
                _traces.Add(body.ToArray());
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
        }
        else
        {
            context.Response.StatusCode = 404;
        }

        context.Response.ContentLength64 = 0;
        context.Response.Close();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
