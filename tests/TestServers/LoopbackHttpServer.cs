using System.Net;
using System.Net.Sockets;

namespace Assistant.Tests.Servers;

/// <summary>
/// An HTTP listener on a free loopback port that hands every request to <c>handle</c>, each on its own task, for the small
/// stand-ins of remote services (a Bot API, an OTLP collector) that tests and benchmarks speak to with the real client library.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _serving;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Address = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add(Address + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string Address { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => _handle(context));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
