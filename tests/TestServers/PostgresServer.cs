using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Assistant.Tests.Servers;

/// <summary>
/// A throw-away PostgreSQL server (Debian's postgresql package, installed by .ci/run): a fresh cluster in a temporary folder on a
/// free loopback port, without durability settings, deleted when the tests are done. PostgreSQL refuses to run as root, so
/// under root the cluster belongs to the package's postgres user.
/// </summary>
public sealed class PostgresServer : Xunit.IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "assistant-pg-" + Guid.NewGuid().ToString("N"));
    private Process? _process;
    private string? _bin;
    private bool _asRoot;

    public int Port { get; } = FreePort();

    public async Task InitializeAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is missing: install Debian's postgresql package (.ci/run does).");
        }

        _bin = bin;
        Directory.CreateDirectory(_directory);
        var asRoot = _asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _directory]);
        }

        var data = Path.Combine(_directory, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "assistant", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"], asRoot);
        _process = Start(Path.Combine(bin, "postgres"),
        [
            "-D", data, "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _directory, "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ], asRoot);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"PostgreSQL did not start on port {Port}.");
    }

    /// <summary>A new, empty database on the server, so each test class starts clean.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // A clean shutdown releases the server's shared memory; a killed postmaster leaves it behind on the machine.
            try
            {
                await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["stop", "-D", Path.Combine(_directory, "data"), "-m", "fast", "-w", "-t", "20"], _asRoot);
            }
            catch (InvalidOperationException)
            {
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=assistant;Database={database};Pooling=true;Timeout=5";

    private static Process Start(string program, string[] arguments, bool asPostgresUser = false)
    {
        var start = asPostgresUser
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgresUser = false)
    {
        using var process = Start(program, arguments, asPostgresUser);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
