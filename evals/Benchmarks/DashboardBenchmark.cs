using System.Diagnostics;
using System.Globalization;
using Assistant.Dialogs.Statistics;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Postgres;
using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Assistant.Tests.Servers;
using Microsoft.Extensions.Options;

namespace Assistant.Benchmarks;

/// <summary>
/// The supervisors' dashboard query over the daily aggregates of N synthetic conversations (a year, 3 channels, 4 segments,
/// the seed KB's articles and situations, 40 operators), on dialogs.db and on PostgreSQL; and the moderators' inbox grouping of
/// M unanswered messages with the seed KB's analysis and embedder.
/// </summary>
public static class DashboardBenchmark
{
    public static async Task RunAsync(int conversations, int messages)
    {
        var aggregates = Synthetic(conversations);
        Console.WriteLine($"dashboard: {conversations:N0} conversations as {aggregates.Sum(a => a.Value.Count):N0} daily counter rows");
        var directory = Directory.CreateTempSubdirectory("assistant-dashboard-");
        try
        {
            await TimeAsync("sqlite", DialogStores.Sqlite(Path.Combine(directory.FullName, "dialogs.db")).Statistics, aggregates);
            await using var postgres = new PostgresServer();
            await postgres.InitializeAsync();
            await using var database = new PostgresDatabase(await postgres.CreateDatabaseAsync());
            await TimeAsync("postgres", DialogStores.Sqlite(Path.Combine(directory.FullName, "pg.db")).WithDurableRecordsIn(database).Statistics, aggregates);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }

        await GroupingAsync(messages);
    }

    private static async Task TimeAsync(string name, IStatisticsStore store, Dictionary<(DateOnly, string, string), List<StatCounter>> aggregates)
    {
        var load = Stopwatch.StartNew();
        foreach (var ((day, channel, segment), counters) in aggregates)
        {
            await store.AddAsync(day, channel, segment, counters, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: loaded in {load.Elapsed.TotalSeconds:0.0} s"));
        var end = new DateOnly(2026, 12, 31);
        foreach (var (label, filter) in new[]
        {
            ("year, all", new StatFilter(end.AddDays(-364), end)),
            ("year, web, citizens", new StatFilter(end.AddDays(-364), end, "web", "citizen")),
            ("30 days, all", new StatFilter(end.AddDays(-29), end)),
        })
        {
            await store.SumAsync(filter, CancellationToken.None);
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                var totals = await store.SumAsync(filter, CancellationToken.None);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (totals.Count == 0)
                {
                    throw new InvalidOperationException("No totals.");
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-22} median {times[2],7:0} ms   max {times[^1],7:0} ms"));
        }
    }

    /// <summary>The counters the service would have written for N conversations, summed per day, channel and segment.</summary>
    private static Dictionary<(DateOnly, string, string), List<StatCounter>> Synthetic(int conversations)
    {
        var kb = SeedKnowledgeBase.Load();
        var random = new Random(7);
        string[] channels = ["web", "telegram", "vk"];
        string[] segments = ["citizen", "business", "medic", "unknown"];
        var sums = new Dictionary<(DateOnly, string, string, string, string), long>();
        void Add(DateOnly day, string channel, string segment, string metric, string key) =>
            sums[(day, channel, segment, metric, key)] = sums.GetValueOrDefault((day, channel, segment, metric, key)) + 1;
        var start = new DateOnly(2026, 1, 1);
        for (var i = 0; i < conversations; i++)
        {
            var day = start.AddDays(random.Next(365));
            var channel = channels[random.Next(3)];
            var segment = segments[random.Next(4)];
            var article = kb.Articles[random.Next(kb.Articles.Count)];
            var person = random.NextDouble() < 0.3;
            Add(day, channel, segment, "conversations", "");
            Add(day, channel, segment, "outcome", person ? "person" : "bot");
            Add(day, channel, segment, "transfers", person ? (random.NextDouble() < 0.2 ? "2" : "1") : "0");
            Add(day, channel, segment, "duration", ServiceStatisticsBuckets(random.Next(30, 7200)));
            if (random.NextDouble() < 0.15)
            {
                Add(day, channel, segment, "fallback", "any");
            }

            if (person)
            {
                Add(day, channel, segment, "queue-wait", ServiceStatisticsBuckets(random.Next(5, 1200)));
                Add(day, channel, segment, "first-response", ServiceStatisticsBuckets(random.Next(10, 1800)));
            }

            if (random.NextDouble() < 0.4)
            {
                var score = random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
                Add(day, channel, segment, "rating", $"all|{score}");
                Add(day, channel, segment, "rating", $"channel|{channel}|{score}");
                Add(day, channel, segment, "rating", $"segment|{segment}|{score}");
                Add(day, channel, segment, "rating", $"article|{article.Id}|{score}");
                Add(day, channel, segment, "rating", $"situation|{article.LifeSituation}|{score}");
                if (person)
                {
                    Add(day, channel, segment, "rating", $"operator|op-{random.Next(40)}|{score}");
                }
            }
        }

        return sums.GroupBy(s => (s.Key.Item1, s.Key.Item2, s.Key.Item3))
            .ToDictionary(g => g.Key, g => g.Select(s => new StatCounter(s.Key.Item4, s.Key.Item5, s.Value)).ToList());
    }

    private static string ServiceStatisticsBuckets(int seconds)
    {
        int[] bounds = [10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 86400];
        var bound = bounds.FirstOrDefault(b => seconds <= b);
        return bound == 0 ? "more" : bound.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task GroupingAsync(int count)
    {
        var directory = Directory.CreateTempSubdirectory("assistant-inbox-");
        try
        {
            var store = new SqliteKnowledgeStore(Path.Combine(directory.FullName, "knowledge.db"));
            var knowledge = new KnowledgeService(store, new HashedNgramEmbeddingGenerator(), d => new InMemoryVectorIndex(d), Options.Create(new RetrievalOptions()));
            await knowledge.InitializeAsync(SeedKnowledgeBase.Load, CancellationToken.None);
            var random = new Random(11);
            var phrasings = SeedKnowledgeBase.Load().Articles.SelectMany(a => a.Questions).ToList();
            string[] noise = ["подскажите", "пожалуйста", "срочно", "как быть", "у меня вопрос", "здравствуйте", "а если", "для мамы"];
            var messages = Enumerable.Range(0, count)
                .Select(_ => $"{noise[random.Next(noise.Length)]} {phrasings[random.Next(phrasings.Count)].ToLowerInvariant()} {noise[random.Next(noise.Length)]}")
                .ToList();
            var clock = Stopwatch.StartNew();
            var groups = await knowledge.GroupAsync(messages, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"inbox grouping: {count:N0} messages into {groups.Count:N0} groups in {clock.Elapsed.TotalSeconds:0.00} s (largest {groups[0].Members.Count})"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
