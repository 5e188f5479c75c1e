using System.Diagnostics;
using System.Globalization;
using Assistant.Channels.Incoming;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Stores;
using Assistant.Dialogs.Stores.Postgres;
using Assistant.Tests.Servers;

namespace Assistant.Benchmarks;

/// <summary>
/// What keeping a received Telegram or VK message until processed costs: a keep before the acknowledgement and a delete after
/// the turn, on dialogs.db and on PostgreSQL, side by side with one transcript append (the smallest write a turn makes).
/// </summary>
public static class ReceivedBenchmark
{
    public static async Task RunAsync(int messages, int concurrency)
    {
        Console.WriteLine($"received messages: {messages} per run, {concurrency} at a time; payload {Payload.Length} characters");
        Console.WriteLine("store      keep p50  keep p99  done p50  done p99  keep+done/s | append p50  append p99  append/s | keep+done p99 / append p99");
        var directory = Directory.CreateTempSubdirectory("assistant-received-bench-");
        try
        {
            await RunOnceAsync("sqlite", DialogStores.Sqlite(Path.Combine(directory.FullName, "dialogs.db")), messages, concurrency);
            await using var postgres = new PostgresServer();
            await postgres.InitializeAsync();
            await using var database = new PostgresDatabase(await postgres.CreateDatabaseAsync());
            await RunOnceAsync("postgres", DialogStores.Sqlite(Path.Combine(directory.FullName, "pg.db")).WithDurableRecordsIn(database), messages, concurrency);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    // A Telegram update of a typical question, as kept.
    private const string Payload = """
        {"update_id":901234567,"message":{"message_id":4242,"from":{"id":5901,"is_bot":false,"first_name":"Анна","language_code":"ru"},"chat":{"id":5901,"first_name":"Анна","type":"private"},"date":1764000000,"text":"Здравствуйте, как прикрепиться к другой поликлинике по полису ОМС, если переехала в другой район?"}}
        """;

    private static async Task RunOnceAsync(string name, DialogStores stores, int messages, int concurrency)
    {
        var received = new ReceivedMessages(stores, TimeProvider.System);
        await received.KeepAsync("bench", "warm-up", Payload);
        await received.DoneAsync("bench", "warm-up");
        await stores.Transcripts.AppendAsync(Entry("warm-up"), CancellationToken.None);

        var keeps = new double[messages];
        var dones = new double[messages];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                var start = Stopwatch.GetTimestamp();
                await received.KeepAsync("bench", id, Payload);
                keeps[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                await received.DoneAsync("bench", id);
                dones[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        var pairsPerSecond = messages / clock.Elapsed.TotalSeconds;

        var appends = new double[messages];
        next = -1;
        clock.Restart();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var start = Stopwatch.GetTimestamp();
                await stores.Transcripts.AppendAsync(Entry("c" + (i % 500).ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
                appends[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        var appendsPerSecond = messages / clock.Elapsed.TotalSeconds;

        var pairs = keeps.Zip(dones, (k, d) => k + d).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-10} {P(keeps, 50),8:0.000}  {P(keeps, 99),8:0.000}  {P(dones, 50),8:0.000}  {P(dones, 99),8:0.000}  {pairsPerSecond,11:0} | {P(appends, 50),10:0.000}  {P(appends, 99),10:0.000}  {appendsPerSecond,8:0} | {P(pairs, 99) / P(appends, 99),6:0.00}"));
    }

    private static TranscriptEntry Entry(string conversation) =>
        new() { ConversationId = conversation, From = Authors.Citizen, Text = "как прикрепиться к поликлинике", Timestamp = DateTimeOffset.UtcNow };

    private static double P(double[] values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1)];
    }
}
