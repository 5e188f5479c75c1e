using System.Diagnostics;
using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>haproxy (Debian's) on a loopback port in front of some Bot.Host processes, with the settings of deploy/haproxy.cfg.</summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/haproxy";

    private readonly Process _process;
    private readonly string _config;

    private HaproxyProcess(Process process, string config, Uri address)
    {
        _process = process;
        _config = config;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<HaproxyProcess> StartAsync(IReadOnlyList<Uri> hosts)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: apt-get install haproxy");
        }

        var port = TurnsBenchmark.FreePort();
        var config = Path.Combine(Path.GetTempPath(), $"assistant-haproxy-{Guid.NewGuid():N}.cfg");
        var servers = string.Join('\n', hosts.Select((h, i) => string.Create(CultureInfo.InvariantCulture,
            $"    server bot{i + 1} {h.Host}:{h.Port} check inter 1s fall 1 rise 2 cookie bot{i + 1}")));
        await File.WriteAllTextAsync(config, $$"""
            global
                maxconn 4000
            defaults
                mode http
                timeout connect 2s
                timeout client 60s
                timeout server 60s
                timeout tunnel 1h
                # A request that could not reach a host goes to another one (the POST is not processed twice: it never arrived).
                retries 3
                option redispatch
            frontend web
                bind 127.0.0.1:{{port}}
                default_backend assistant
            backend assistant
                balance roundrobin
                option httpchk GET /healthz/ready
                http-check expect status 200
                cookie assistant_host insert indirect nocache
            {{servers}}

            """);
        var process = Process.Start(new ProcessStartInfo(Executable, ["-f", config, "-db"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("healthz/ready")).IsSuccessStatusCode)
                {
                    // Every host passes its first checks before traffic is measured.
                    await Task.Delay(2500);
                    return new HaproxyProcess(process, config, address);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        throw new InvalidOperationException("haproxy did not start: " + string.Join(" | ", said));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_config);
    }
}
