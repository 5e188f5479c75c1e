using System.Diagnostics;
using System.Globalization;

namespace Assistant.Benchmarks;

/// <summary>A Bot.Host process of its own (Release build), so the load generator does not share its heap or threads.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private ServerProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        _dataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory => _dataDirectory;

    public int ProcessId => _process.Id;

    public static async Task<ServerProcess> StartAsync(string hostDll, string? redis, string? postgres, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = TurnsBenchmark.FreePort();
        var data = Path.Combine(Path.GetTempPath(), "assistant-turns-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        // SERVER_X=v in the benchmark's environment sets X=v for the server alone (runtime knobs such as DOTNET_TieredPGO),
        // so the load generator in this process is not changed with it. Set first: the benchmark's own port, data directory and
        // limits below win over them.
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("SERVER_", StringComparison.Ordinal))
            {
                start.Environment[name["SERVER_".Length..]] = variable.Value as string;
            }
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The benchmark's visitors send faster than a person: the per-visitor limit is not what is measured here.
        start.Environment["Dialogs__RateLimit__BurstSize"] = "1000";
        start.Environment["Dialogs__RateLimit__MessagesPerMinute"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        if (redis is not null)
        {
            start.Environment["ConnectionStrings__Redis"] = redis;
        }

        if (postgres is not null)
        {
            start.Environment["ConnectionStrings__Postgres"] = postgres;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var probe = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return new ServerProcess(process, address, data);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("Bot.Host did not become healthy.");
    }

    /// <summary>CPU time the host has used so far (user and system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        }
    }

    /// <summary>Ends the host at once, as a crash or a lost machine would (no graceful stop).</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
