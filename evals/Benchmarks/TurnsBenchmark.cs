using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Assistant.Tests.Servers;

namespace Assistant.Benchmarks;

/// <summary>
/// Dialog turns through the web chat's own HTTP path (POST /api/webchat/activities, which returns once the turn is processed),
/// against a Bot.Host process on embedded defaults, one on Redis, and one on Redis with the durable records in PostgreSQL; then the
/// server's memory with 10k open conversations.
/// </summary>
public static class TurnsBenchmark
{
    public static async Task RunAsync(string repositoryRoot, int turns, int concurrency, int turnsPerVisitor, int warmTurns)
    {
        // TURNS_HOST: another build of the host, e.g. a published one (`dotnet publish … -p:PublishReadyToRun=true`, as the image is).
        var host = Environment.GetEnvironmentVariable("TURNS_HOST") is { Length: > 0 } published
            ? Path.GetFullPath(published)
            : Path.Combine(repositoryRoot, "Bot.Host", "bin", "Release", "net10.0", "Bot.Host.dll");
        if (!File.Exists(host))
        {
            throw new FileNotFoundException("Build Bot.Host in Release first: dotnet build -c Release Bot.Host", host);
        }

        if (turns <= 0 || concurrency <= 0 || turnsPerVisitor <= 0 || warmTurns < 0)
        {
            throw new ArgumentException("turns, visitors and turns per visitor must be positive, warm-up turns zero or more");
        }

        var questions = File.ReadLines(Path.Combine(repositoryRoot, "evals", "datasets", "dev", "questions.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!)
            .ToArray();
        Console.WriteLine($"turns: {turns} per run after {warmTurns} warm-up turns, {concurrency} visitors at a time, each sending {turnsPerVisitor} turns one after another");
        // The runtime compiles the hot paths again with optimisations (tiered compilation, profile-guided) during the first few
        // thousand turns: the warm-up's own rate is what a host does just after a start, the measured run what it does after.
        // The load generator shares the machine's cores with the server, so turns/s moves with the machine; the server's own CPU
        // time per turn does not, and says how many turns one core given to the server alone would carry.
        Console.WriteLine("store      warm-up turns/s   turns/s   p50 ms   p99 ms   errors | server cores busy   CPU ms per turn   turns per server core-second");
        var embedded = await RunOnceAsync(host, "embedded", null, null, questions, turns, concurrency, turnsPerVisitor, warmTurns);
        if (Environment.GetEnvironmentVariable("TURNS_EMBEDDED_ONLY") == "1")
        {
            return;
        }

        var redis = new RedisServer();
        var postgres = new PostgresServer();
        await redis.InitializeAsync();
        await postgres.InitializeAsync();
        try
        {
            var scaled = await RunOnceAsync(host, "redis", redis.Configuration, null, questions, turns, concurrency, turnsPerVisitor, warmTurns);
            var durable = await RunOnceAsync(host, "redis-pg", redis.Configuration, await postgres.CreateDatabaseAsync(), questions, turns, concurrency, turnsPerVisitor, warmTurns);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"redis / embedded: throughput {scaled.TurnsPerSecond / embedded.TurnsPerSecond:0.00}, p99 {scaled.P99 / embedded.P99:0.00}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"redis-pg / embedded: throughput {durable.TurnsPerSecond / embedded.TurnsPerSecond:0.00}, p99 {durable.P99 / embedded.P99:0.00}"));
        }
        finally
        {
            await postgres.DisposeAsync();
            await redis.DisposeAsync();
        }

        if (Environment.GetEnvironmentVariable("TURNS_SKIP_MEMORY") != "1")
        {
            await MemoryAsync(host, questions, 10_000, concurrency);
        }
    }

    private static async Task<Figures> RunOnceAsync(
        string host, string name, string? redis, string? postgres, string[] questions, int turns, int concurrency, int turnsPerVisitor, int warmTurns)
    {
        await using var server = await ServerProcess.StartAsync(host, redis, postgres);
        using var client = new HttpClient { BaseAddress = server.Address };
        // The warm-up runs in blocks of the measured run's size, each printed on stderr, so the curve to the steady state shows.
        var (warmErrors, warmElapsed) = (0, TimeSpan.Zero);
        for (var (done, block) = (0, 0); done < warmTurns; done += turns, block++)
        {
            var size = Math.Min(turns, warmTurns - done);
            var blockCpu = server.CpuTime;
            var (_, e, took) = await DriveAsync(client, questions, size, concurrency, $"{name}-warm{block}", turnsPerVisitor);
            (warmErrors, warmElapsed) = (warmErrors + e, warmElapsed + took);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name} warm-up turns {done + 1}–{done + size}: {size / took.TotalSeconds:0} turns/s, server CPU {(server.CpuTime - blockCpu).TotalMilliseconds / size:0.00} ms per turn"));
        }

        var cpuBefore = server.CpuTime;
        var (latencies, errors, elapsed) = await DriveAsync(client, questions, turns, concurrency, name, turnsPerVisitor);
        var cpu = server.CpuTime - cpuBefore;
        var sorted = latencies.Order().ToList();
        var figures = new Figures(turns / elapsed.TotalSeconds, Percentile(sorted, 0.5), Percentile(sorted, 0.99));
        var warmRate = warmElapsed > TimeSpan.Zero ? warmTurns / warmElapsed.TotalSeconds : 0;
        var warmNote = warmErrors > 0 ? $" (warm-up: {warmErrors} errors)" : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-9} {warmRate,16:0} {figures.TurnsPerSecond,9:0} {figures.P50,8:0.00} {figures.P99,8:0.00} {errors,8} | {cpu.TotalSeconds / elapsed.TotalSeconds,17:0.00} {cpu.TotalMilliseconds / turns,17:0.00} {turns / cpu.TotalSeconds,29:0}{warmNote}"));
        return figures;
    }

    private static async Task MemoryAsync(string host, string[] questions, int conversations, int concurrency)
    {
        await using var server = await ServerProcess.StartAsync(host, null, null);
        using var client = new HttpClient { BaseAddress = server.Address };
        await DriveAsync(client, questions, 300, concurrency, "warm-mem", turnsPerVisitor: 1);
        var before = server.ResidentMegabytes();
        await DriveAsync(client, questions, conversations, concurrency, "mem", turnsPerVisitor: 1);
        var after = server.ResidentMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{conversations} open conversations: server RSS {after:0} MB (was {before:0} MB before them; +{after - before:0} MB)"));
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> DriveAsync(
        HttpClient client, string[] questions, int turns, int concurrency, string run, int turnsPerVisitor = 3)
    {
        var latencies = new List<double>(turns);
        var errors = 0;
        var nextVisitor = -1;
        var visitors = (turns + turnsPerVisitor - 1) / turnsPerVisitor;
        var clock = Stopwatch.StartNew();
        // Each worker is one visitor at a time who, like a person, waits for the reply before writing again.
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int v;
            while ((v = Interlocked.Increment(ref nextVisitor)) < visitors)
            {
                var visitor = $"{run}-{v:D8}-0000-0000-000000000000";
                for (var i = v * turnsPerVisitor; i < Math.Min(turns, (v + 1) * turnsPerVisitor); i++)
                {
                    var body = new { userId = visitor, clientMessageId = $"{run}-{i}", type = "message", text = questions[i % questions.Length] };
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await client.PostAsJsonAsync("api/webchat/activities", body);
                        if (response.StatusCode != HttpStatusCode.Accepted)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }

                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                }
            }
        }));
        return (latencies, errors, clock.Elapsed);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Figures(double TurnsPerSecond, double P50, double P99);

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
