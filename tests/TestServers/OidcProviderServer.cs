using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Assistant.Tests.Servers;

/// <summary>
/// A real OpenID Connect provider (npm's oidc-provider, OpenID-certified) on a free loopback port, started with node from
/// tests/TestServers/oidc; its packages are installed with `npm ci` on first use. Accounts and their role/group claims are in
/// provider.mjs. The client (id "assistant") may only return to <see cref="RedirectUri"/>.
/// </summary>
public sealed class OidcProviderServer : Xunit.IAsyncLifetime
{
    public const string ClientId = "assistant";
    public const string ClientSecret = "assistant-test-secret-3c1b";

    private Process? _process;

    public int Port { get; } = FreePort();

    /// <summary>Where the app under test will listen: it must be known before the provider starts, for the redirect URI.</summary>
    public int AppPort { get; } = FreePort();

    public string Authority => $"http://127.0.0.1:{Port}";

    public string AppAddress => $"http://127.0.0.1:{AppPort}";

    public string RedirectUri => AppAddress + "/signin-oidc";

    public async Task InitializeAsync()
    {
        var folder = ProviderFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
        {
            await RunAsync("npm", folder, "ci", "--no-audit", "--no-fund");
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        _process = Process.Start(new ProcessStartInfo("node", ["provider.mjs", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), RedirectUri, ClientSecret])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.StartsWith("listening", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task)
        {
            throw new InvalidOperationException($"oidc-provider did not start on port {Port}:\n{output}");
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static string ProviderFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "TestServers", "oidc");
            if (File.Exists(Path.Combine(candidate, "provider.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/TestServers/oidc/provider.mjs not found above " + AppContext.BaseDirectory);
    }

    private static async Task RunAsync(string file, string folder, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{file} did not start (install nodejs and npm: .ci/run does).");
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed in {folder}: {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
