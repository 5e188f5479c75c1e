using System.Diagnostics;
using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>A throw-away redis-server (Debian package) on a free loopback port, without persistence.</summary>
public sealed class RedisProcess : IDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port)
    {
        _process = process;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    public static RedisProcess Start()
    {
        var port = TurnsBenchmark.FreePort();
        var process = Process.Start(new ProcessStartInfo("/usr/bin/redis-server",
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        Thread.Sleep(300);
        return new RedisProcess(process, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
