using System.Diagnostics;
using System.Globalization;
using Assistant.Benchmarks;
using Assistant.Evals;
using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Model;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Microsoft.Extensions.Options;

// Scale benchmark of the knowledge core: ask latency on the seed KB and on a synthetic KB, index build time and memory,
// next to the Lucene BM25 baseline on the same KB and questions. Run on one core: taskset -c 0 dotnet run -c Release --project evals/Benchmarks
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "turns")
{
    // Dialog turns through the web chat HTTP path: dotnet run -c Release --project evals/Benchmarks -- turns [turns] [concurrency] [turns per visitor] [warm-up turns]
    var root = Directory.GetCurrentDirectory();
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await TurnsBenchmark.RunAsync(root, Arg(1, 6000), Arg(2, 32), Arg(3, 3), Arg(4, 12000));
    return;
}

if (args.Length > 0 && args[0] == "balancer")
{
    // Through haproxy to one and two hosts on Redis + PostgreSQL, and a host killed mid-run: -- balancer [turns] [concurrency]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await BalancerBenchmark.RunAsync(Directory.GetCurrentDirectory(), Arg(1, 10_000), Arg(2, 32));
    return;
}

if (args.Length > 0 && args[0] == "retention")
{
    // The retention purge of a large dialogs.db while turns go on: -- retention [rows]
    await RetentionBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

if (args.Length > 0 && args[0] == "consoles")
{
    // Operator consoles: dotnet run -c Release --project evals/Benchmarks -- consoles [operators] [waiting] [groups] [handovers]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await ConsolesBenchmark.RunAsync(Directory.GetCurrentDirectory(), Arg(1, 50), Arg(2, 1000), Arg(3, 10), Arg(4, 50));
    return;
}

if (args.Length > 0 && args[0] == "dashboards")
{
    // Dashboards and inbox: dotnet run -c Release --project evals/Benchmarks -- dashboards [conversations] [unanswered messages]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await DashboardBenchmark.RunAsync(Arg(1, 1_000_000), Arg(2, 10_000));
    return;
}

if (args.Length > 0 && args[0] == "received")
{
    // Keeping received messages until processed: dotnet run -c Release --project evals/Benchmarks -- received [messages] [concurrency]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
    await ReceivedBenchmark.RunAsync(Arg(1, 5000), Arg(2, 16));
    return;
}

var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [0, 100_000];
var seed = SeedKnowledgeBase.Load();
Console.WriteLine($"processors visible: {Environment.ProcessorCount}, server GC: {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine("kb                questions  build s  managed MB  rss MB  rss served MB   p50 ms   p99 ms | bm25 p50  bm25 p99  p99 ratio");
foreach (var size in sizes)
{
    var kb = size == 0 ? seed : SyntheticKb.Create(seed, size);
    var queries = size == 0 ? seed.Articles.SelectMany(a => a.Questions).Select(q => q.ToLowerInvariant()).Take(2000).ToList() : SyntheticKb.Queries(kb, 2000);
    await Run(size == 0 ? "seed" : $"synthetic {size / 1000}k", kb, queries);
}

static async Task Run(string name, KnowledgeBase kb, List<string> queries)
{
    var directory = Path.Combine(Path.GetTempPath(), "assistant-bench-" + Guid.NewGuid().ToString("N"));
    var store = new SqliteKnowledgeStore(Path.Combine(directory, "knowledge.db"));
    await store.ReplaceAsync(kb, CancellationToken.None);
    var knowledge = new KnowledgeService(store, new HashedNgramEmbeddingGenerator(), d => new InMemoryVectorIndex(d), Options.Create(new RetrievalOptions()));

    GC.Collect();
    var before = GC.GetTotalMemory(true);
    var build = Stopwatch.StartNew();
    await knowledge.RebuildAsync(CancellationToken.None);
    var buildSeconds = build.Elapsed.TotalSeconds;
    var managedMb = (GC.GetTotalMemory(true) - before) / 1048576.0;
    var rssMb = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;

    // Warm-up: untimed passes for at least 5 s (tiered JIT and PGO need thousands of calls on one core), as in a running server.
    var warmUp = Stopwatch.StartNew();
    do
    {
        foreach (var q in queries)
        {
            await knowledge.AskAsync(new AskRequest(q), CancellationToken.None);
        }
    }
    while (warmUp.Elapsed < TimeSpan.FromSeconds(5));

    var latencies = new List<double>(queries.Count);
    double analysis = 0, vector = 0, lexical = 0;
    // Every ask runs here; what it allocates becomes garbage collection (pauses every thread) in a busy server.
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    foreach (var q in queries)
    {
        var clock = Stopwatch.StartNew();
        var result = await knowledge.AskAsync(new AskRequest(q), CancellationToken.None);
        latencies.Add(clock.Elapsed.TotalMilliseconds);
        (analysis, vector, lexical) = (analysis + result.Timings.AnalysisMs, vector + result.Timings.VectorMs, lexical + result.Timings.LexicalMs);
    }

    var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / queries.Count;
    var servingRssMb = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
    Console.Error.WriteLine($"  {name}: mean analysis {analysis / queries.Count:0.000} ms, vector {vector / queries.Count:0.000} ms, lexical {lexical / queries.Count:0.000} ms; allocated {allocatedKb:0} KB per ask");

    using var baseline = new LuceneBaseline(kb);
    var baseLatencies = new List<double>(queries.Count);
    warmUp.Restart();
    do
    {
        foreach (var q in queries)
        {
            baseline.Ask(new EvalQuestion(q, null));
        }
    }
    while (warmUp.Elapsed < TimeSpan.FromSeconds(5));

    foreach (var q in queries)
    {
        baseLatencies.Add(baseline.Ask(new EvalQuestion(q, null)).LatencyMs);
    }

    // What a moderator's added phrasing costs: the whole call (store, index, classifier, calibration), and calibration alone.
    var article = kb.Articles[kb.Articles.Count / 2];
    var add = Stopwatch.StartNew();
    await knowledge.AddQuestionAsync(article.Id, "как мне быть с этим вопросом " + article.Title, CancellationToken.None);
    var addSeconds = add.Elapsed.TotalSeconds;
    var calibration = knowledge.LastCalibration;
    Console.Error.WriteLine(calibration is null
        ? $"  {name}: added phrasing {addSeconds:0.00} s; not calibrated (KB too small)"
        : $"  {name}: added phrasing {addSeconds:0.00} s, of which calibration {calibration.Took.TotalSeconds:0.00} s ({calibration.Phrasings} phrasings left out, {calibration.OutOfDomain} out-of-domain)");

    var (p50, p99) = (Percentile(latencies, 0.5), Percentile(latencies, 0.99));
    var (b50, b99) = (Percentile(baseLatencies, 0.5), Percentile(baseLatencies, 0.99));
    Console.WriteLine($"{name,-17} {kb.Articles.Sum(a => a.Questions.Count + 1),9} {buildSeconds,8:0.00} {managedMb,11:0.0} {rssMb,7:0} {servingRssMb,14:0} {p50,8:0.000} {p99,8:0.000} | {b50,8:0.000} {b99,9:0.000} {p99 / b99,10:0.00}");
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
