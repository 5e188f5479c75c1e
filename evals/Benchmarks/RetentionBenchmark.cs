using System.Diagnostics;
using System.Globalization;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Locking;
using Assistant.Dialogs.Retention;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Templates;
using Assistant.Knowledge.Embedding;
using Assistant.Knowledge.Index;
using Assistant.Knowledge.Retrieval;
using Assistant.Knowledge.Seed;
using Assistant.Knowledge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Benchmarks;

/// <summary>
/// <c>retention [rows=1000000]</c>: a dialogs.db with that many transcript lines older than the retention period; the purge runs
/// while citizens' turns go on against the same file. Prints the purge's time and the turns' latency before and during it.
/// </summary>
public static class RetentionBenchmark
{
    public static async Task RunAsync(int rows)
    {
        var directory = Path.Combine(Path.GetTempPath(), "assistant-retention-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "dialogs.db");
            var stores = DialogStores.Sqlite(path);
            await stores.Transcripts.AppendAsync(new TranscriptEntry { ConversationId = "schema", From = Authors.Citizen, Text = "-", Timestamp = DateTimeOffset.UtcNow }, CancellationToken.None);
            var fill = Stopwatch.StartNew();
            await FillAsync(path, rows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retention: {rows} transcript lines 400 days old written in {fill.Elapsed.TotalSeconds:0.0} s ({new FileInfo(path).Length / 1_000_000} MB)"));

            var settings = Options.Create(new RetrievalOptions());
            var knowledge = new KnowledgeService(new SqliteKnowledgeStore(Path.Combine(directory, "knowledge.db")), new HashedNgramEmbeddingGenerator(),
                dimensions => new InMemoryVectorIndex(dimensions), settings);
            await knowledge.InitializeAsync(SeedKnowledgeBase.Load, CancellationToken.None);
            var options = new DialogOptions();
            options.RateLimit.BurstSize = 10_000;
            options.RateLimit.MessagesPerMinute = 100_000;
            var services = new DialogServices(knowledge, stores, new InProcessConversationLock(), [new NoDelivery()], BotPhrases.Load(),
                Options.Create(options), TimeProvider.System, NullLoggerFactory.Instance);
            var engine = new ConversationEngine(services);
            var questions = SeedKnowledgeBase.Load().Articles.SelectMany(a => a.Questions).Take(500).ToArray();

            Console.WriteLine("phase              turns   p50 ms   p99 ms   max ms");
            var before = await TurnsAsync(engine, questions, "before", TimeSpan.FromSeconds(10), () => false);
            Print("before the purge", before);

            var purge = new RetentionPurge(stores.Purge!, new RetentionOptions(), TimeProvider.System, NullLogger.Instance);
            var clock = Stopwatch.StartNew();
            var purging = Task.Run(() => purge.RunAsync(dryRun: false, CancellationToken.None));
            var during = await TurnsAsync(engine, questions, "during", TimeSpan.FromMinutes(10), () => purging.IsCompleted);
            var report = await purging;
            Print("during the purge", during);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"purge: {report.Counts[RecordKind.Transcripts]} transcript lines in {clock.Elapsed.TotalSeconds:0.0} s (batches of {new RetentionOptions().BatchSize})"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Print(string phase, List<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        double At(double p) => sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-18} {sorted.Count,5} {At(0.5),8:0.00} {At(0.99),8:0.00} {sorted.LastOrDefault(),8:0.00}"));
    }

    /// <summary>Four visitors writing one message after another until <paramref name="stop"/> says so or the time is up.</summary>
    private static async Task<List<double>> TurnsAsync(ConversationEngine engine, string[] questions, string run, TimeSpan longest, Func<bool> stop)
    {
        var latencies = new List<double>();
        var deadline = DateTime.UtcNow + longest;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async worker =>
        {
            for (var i = 0; DateTime.UtcNow < deadline && !stop(); i++)
            {
                var started = Stopwatch.GetTimestamp();
                await engine.ProcessAsync(new Assistant.Dialogs.Activities.Activity
                {
                    Channel = "web",
                    UserId = $"{run}-{worker}-{i / 3}",
                    Type = ActivityType.Message,
                    MessageId = Guid.NewGuid().ToString("N"),
                    Text = questions[(worker * 997 + i) % questions.Length],
                    Timestamp = DateTimeOffset.UtcNow,
                }, CancellationToken.None);
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }));
        return latencies;
    }

    private static async Task FillAsync(string path, int rows)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var old = DateTimeOffset.UtcNow.AddDays(-400).ToString("O", CultureInfo.InvariantCulture);
        for (var start = 0; start < rows; start += 50_000)
        {
            await using var transaction = connection.BeginTransaction();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO transcript (conversation_id, sequence, author, kind, text, buttons, at) VALUES ($c, $s, 'citizen', NULL, $t, '[]', $at)";
            var conversation = command.Parameters.Add("$c", SqliteType.Text);
            var sequence = command.Parameters.Add("$s", SqliteType.Integer);
            command.Parameters.AddWithValue("$t", "как получить полис омс, мне нужен полис для ребёнка");
            command.Parameters.AddWithValue("$at", old);
            for (var i = start; i < Math.Min(rows, start + 50_000); i++)
            {
                conversation.Value = "old-" + (i / 20).ToString(CultureInfo.InvariantCulture);
                sequence.Value = i % 20 + 1;
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    private sealed class NoDelivery : IChannelSender
    {
        public string Channel => "web";

        public Task SendAsync(ConversationKey to, OutgoingMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
