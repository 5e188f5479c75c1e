using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Tests.Servers;
using Npgsql;

namespace Assistant.Benchmarks;

/// <summary>
/// <c>balancer [turns=10000] [visitors at a time=32]</c>: haproxy in front of one, then two Bot.Host on Redis + PostgreSQL, driven
/// through the web chat like the widget (a visitor retries a message with the same clientMessageId until it is accepted).
/// Prints turns/s, p99 and each host's CPU for one host and for two (the scale factor); then the kill test: one of two hosts is
/// killed a third of the way through, and every citizen message must be in its transcript once with the bot's reply after it,
/// and the web chat streams of a sample of visitors must reconnect and receive every message of their conversation. Telegram
/// webhook updates run alongside (a fake Bot API receives the replies): none lost, none answered or delivered twice.
/// </summary>
public static class BalancerBenchmark
{
    private const int TurnsPerVisitor = 3;
    private const int StreamedVisitors = 40;
    private const string Secret = "load-test-secret";

    /// <summary>How long a kept Telegram update of a dead host waits before another host takes it over (ReceivedMessages.Lease), and some.</summary>
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(150);

    public static async Task RunAsync(string repositoryRoot, int turns, int concurrency)
    {
        var host = Path.Combine(repositoryRoot, "Bot.Host", "bin", "Release", "net10.0", "Bot.Host.dll");
        var questions = File.ReadLines(Path.Combine(repositoryRoot, "evals", "datasets", "dev", "questions.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!).ToArray();
        await using var redis = new RedisServer();
        await using var postgres = new PostgresServer();
        await redis.InitializeAsync();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var botApi = new FakeBotApi();
        var telegram = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = "123456:LOADTEST",
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookSecret"] = Secret,
            ["Telegram__ApiBaseUrl"] = botApi.Address,
        };
        await using var first = await ServerProcess.StartAsync(host, redis.Configuration, database, telegram);
        await using var second = await ServerProcess.StartAsync(host, redis.Configuration, database, telegram);

        Console.WriteLine($"balancer: haproxy, Redis + PostgreSQL, {turns} turns per run, {concurrency} visitors at a time, {TurnsPerVisitor} turns each; {Environment.ProcessorCount} cores shared by everything");
        Console.WriteLine("hosts   turns/s   p50 ms   p99 ms   retries  failed | CPU per host (cores busy)");
        Figures one, two;
        await using (var balancer = await HaproxyProcess.StartAsync([first.Address]))
        {
            await DriveAsync(balancer.Address, questions, Math.Min(600, turns), concurrency, "warm1", null);
            one = await MeasureAsync(balancer.Address, questions, turns, concurrency, "one", [first]);
            Print("1", one);
        }

        await using (var balancer = await HaproxyProcess.StartAsync([first.Address, second.Address]))
        {
            await DriveAsync(balancer.Address, questions, Math.Min(600, turns), concurrency, "warm2", null);
            two = await MeasureAsync(balancer.Address, questions, turns, concurrency, "two", [first, second]);
            Print("2", two);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale factor 1 → 2 hosts: {two.TurnsPerSecond / one.TurnsPerSecond:0.00}×"));

        // The kill test: two hosts, one killed mid-run; nothing lost, nothing answered twice, streams reconnect.
        await using (var balancer = await HaproxyProcess.StartAsync([first.Address, second.Address]))
        {
            using var streams = new CancellationTokenSource();
            var streamed = new ConcurrentDictionary<string, ConcurrentDictionary<long, byte>>();
            var reconnects = 0;
            var streaming = Enumerable.Range(0, StreamedVisitors).Select(v => Visitor("kill", v))
                .Select(visitor => StreamAsync(balancer.Address, visitor, streamed.GetOrAdd(visitor, _ => new()), () => Interlocked.Increment(ref reconnects), streams.Token)).ToList();
            await Task.Delay(1000);
            var killAt = turns / 3;
            var killed = false;
            var clock = Stopwatch.StartNew();
            // Telegram lets a bot send about 30 messages a second (each host paces itself to that), so its share of the load is
            // what one bot may really answer: a few hundred updates over the run, not thousands.
            var updates = Math.Min(600, turns / 10);
            var telegramRun = TelegramAsync(balancer.Address, questions, updates, 4);
            var run = await DriveAsync(balancer.Address, questions, turns, concurrency, "kill", sent =>
            {
                if (sent == killAt && !killed)
                {
                    killed = true;
                    second.Kill();
                }
            });
            var telegramRetries = await telegramRun;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kill test: {turns} turns in {clock.Elapsed.TotalSeconds:0.0} s, host 2 killed after {killAt}; {run.Retries} retried sends, {run.Failed} never accepted"));

            var (lost, duplicated, unanswered) = await VerifyAsync(database, "kill", turns, questions);
            Console.WriteLine($"kill test transcripts: {lost} lost, {duplicated} answered twice, {unanswered} without a reply (of {turns} citizen messages)");

            // Streams: every message of each streamed visitor's conversation reached its stream, across the reconnection.
            await Task.Delay(3000);
            await streams.CancelAsync();
            await Task.WhenAll(streaming);
            var incomplete = 0;
            foreach (var (visitor, ids) in streamed)
            {
                var expected = await TranscriptLengthAsync(database, visitor);
                incomplete += Enumerable.Range(1, (int)expected).All(i => ids.ContainsKey(i)) ? 0 : 1;
            }

            Console.WriteLine($"kill test streams: {StreamedVisitors} visitors streamed, {reconnects} reconnections, {incomplete} missed a message");

            // Telegram: updates kept by the killed host are taken over by the other once their lease runs out.
            var waited = Stopwatch.StartNew();
            (int Lost, int Duplicated, int Unanswered) telegramCheck;
            do
            {
                await Task.Delay(5000);
                telegramCheck = await VerifyTelegramAsync(database, updates, questions);
            }
            while ((telegramCheck.Lost > 0 || telegramCheck.Unanswered > 0) && waited.Elapsed < TakeOver);

            // Replies still queued for Telegram's pace are sent before counting what arrived; the killed host's kept replies
            // are sent by the other once their lease runs out.
            var lastTotal = -1;
            while ((botApi.Sent.Values.Sum() != lastTotal || await KeptRepliesAsync(database) > 0) && waited.Elapsed < TakeOver + TimeSpan.FromSeconds(60))
            {
                lastTotal = botApi.Sent.Values.Sum();
                await Task.Delay(5000);
            }

            var undelivered = await UndeliveredAsync(database, botApi, updates);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kill test Telegram webhook: {updates} updates ({telegramRetries} redelivered after a failed POST); {telegramCheck.Lost} lost, {telegramCheck.Duplicated} answered twice, {telegramCheck.Unanswered} without a reply; {undelivered.Fewer + undelivered.More} chats whose replies did not reach Telegram exactly once: {undelivered.Fewer} got fewer ({undelivered.Missing} replies missing), {undelivered.More} more ({undelivered.Extra} extra) (checked {waited.Elapsed.TotalSeconds:0} s after the run)"));
        }
    }

    private static void Print(string hosts, Figures f) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{hosts,-5} {f.TurnsPerSecond,9:0} {f.P50,8:0.00} {f.P99,8:0.00} {f.Retries,9} {f.Failed,7} | {string.Join(", ", f.CpuPerHost.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))}"));

    private static async Task<Figures> MeasureAsync(Uri balancer, string[] questions, int turns, int concurrency, string run, ServerProcess[] hosts)
    {
        var cpuBefore = hosts.Select(h => h.CpuTime).ToArray();
        var clock = Stopwatch.StartNew();
        var result = await DriveAsync(balancer, questions, turns, concurrency, run, null);
        var elapsed = clock.Elapsed;
        var cpu = hosts.Select((h, i) => (h.CpuTime - cpuBefore[i]).TotalSeconds / elapsed.TotalSeconds).ToArray();
        var sorted = result.Latencies.Order().ToList();
        return new Figures(turns / elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), result.Retries, result.Failed, cpu);
    }

    private static string Visitor(string run, int v) => $"{run}{v:D8}-0000-4000-8000-000000000000"[..36];

    /// <summary>Visitors in parallel, each sending its turns one after another and retrying a send until it is accepted (60 s).</summary>
    private static async Task<(List<double> Latencies, int Retries, int Failed)> DriveAsync(
        Uri balancer, string[] questions, int turns, int concurrency, string run, Action<int>? afterEach)
    {
        // No cookie jar: each visitor is a browser of its own, and the balancer's stickiness cookie is for staff consoles.
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(2), UseCookies = false })
        {
            BaseAddress = balancer,
            Timeout = TimeSpan.FromSeconds(10),
        };
        var latencies = new List<double>(turns);
        var retries = 0;
        var failed = 0;
        var sent = 0;
        var nextVisitor = -1;
        var visitors = (turns + TurnsPerVisitor - 1) / TurnsPerVisitor;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int v;
            while ((v = Interlocked.Increment(ref nextVisitor)) < visitors)
            {
                var visitor = Visitor(run, v);
                for (var i = v * TurnsPerVisitor; i < Math.Min(turns, (v + 1) * TurnsPerVisitor); i++)
                {
                    var body = new { userId = visitor, clientMessageId = $"{run}-{i}", type = "message", text = questions[i % questions.Length] };
                    var started = Stopwatch.GetTimestamp();
                    var deadline = DateTime.UtcNow.AddSeconds(60);
                    var accepted = false;
                    while (!accepted && DateTime.UtcNow < deadline)
                    {
                        try
                        {
                            using var response = await client.PostAsJsonAsync("api/webchat/activities", body);
                            accepted = response.StatusCode == HttpStatusCode.Accepted;
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                        }

                        if (!accepted)
                        {
                            Interlocked.Increment(ref retries);
                            await Task.Delay(200);
                        }
                    }

                    if (!accepted)
                    {
                        Interlocked.Increment(ref failed);
                    }

                    lock (latencies)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }

                    afterEach?.Invoke(Interlocked.Increment(ref sent));
                }
            }
        }));
        return (latencies, retries, failed);
    }

    /// <summary>
    /// Every citizen message of the run in its visitor's transcript: lost (missing), answered twice (there twice), or without
    /// a reply (no bot message after it before the next citizen message).
    /// </summary>
    private static Task<(int Lost, int Duplicated, int Unanswered)> VerifyAsync(string database, string run, int turns, string[] questions) =>
        VerifyTranscriptsAsync(database, "web", turns, v => Visitor(run, v), i => questions[i % questions.Length]);

    private static long ChatOf(int update) => 500_000_000 + update / TurnsPerVisitor;

    /// <summary>Telegram's webhook deliveries: each chat's messages one after another, an update resent until a host answers 200.</summary>
    private static async Task<int> TelegramAsync(Uri balancer, string[] questions, int updates, int concurrency)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = balancer, Timeout = TimeSpan.FromSeconds(10) };
        var redelivered = 0;
        var nextChat = -1;
        var chats = (updates + TurnsPerVisitor - 1) / TurnsPerVisitor;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int c;
            while ((c = Interlocked.Increment(ref nextChat)) < chats)
            {
                for (var i = c * TurnsPerVisitor; i < Math.Min(updates, (c + 1) * TurnsPerVisitor); i++)
                {
                    var chat = ChatOf(i);
                    var json = new System.Text.Json.Nodes.JsonObject
                    {
                        ["update_id"] = 900_000 + i,
                        ["message"] = new System.Text.Json.Nodes.JsonObject
                        {
                            ["message_id"] = i + 1,
                            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                            ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = chat, ["type"] = "private" },
                            ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Гражданин" },
                            ["text"] = TelegramText(questions, i),
                        },
                    }.ToJsonString();
                    var deadline = DateTime.UtcNow.AddSeconds(60);
                    while (DateTime.UtcNow < deadline)
                    {
                        try
                        {
                            using var request = new HttpRequestMessage(HttpMethod.Post, "channels/telegram/webhook")
                            {
                                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
                            };
                            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                            using var response = await client.SendAsync(request);
                            if (response.IsSuccessStatusCode)
                            {
                                break;
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                        }

                        Interlocked.Increment(ref redelivered);
                        await Task.Delay(500);
                    }
                }
            }
        }));
        return redelivered;
    }

    /// <summary>Telegram messages differ from the web chat's, so a transcript line tells which run it came from.</summary>
    private static string TelegramText(string[] questions, int i) => questions[(i * 7 + 3) % questions.Length];

    private static Task<(int Lost, int Duplicated, int Unanswered)> VerifyTelegramAsync(string database, int updates, string[] questions) =>
        VerifyTranscriptsAsync(database, "telegram", updates, c => ChatOf(c * TurnsPerVisitor).ToString(CultureInfo.InvariantCulture), i => TelegramText(questions, i));

    /// <summary>
    /// Each person (<paramref name="person"/> of their number) sent <see cref="TurnsPerVisitor"/> of the <paramref name="messages"/>
    /// (<paramref name="text"/> of each message's number); each is looked up in the person's transcript.
    /// </summary>
    private static async Task<(int Lost, int Duplicated, int Unanswered)> VerifyTranscriptsAsync(
        string database, string channel, int messages, Func<int, string> person, Func<int, string> text)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        int lost = 0, duplicated = 0, unanswered = 0;
        for (var p = 0; p * TurnsPerVisitor < messages; p++)
        {
            var entries = await EntriesAsync(connection, channel, person(p));
            for (var i = p * TurnsPerVisitor; i < Math.Min(messages, (p + 1) * TurnsPerVisitor); i++)
            {
                var said = text(i);
                var count = entries.Count(e => e.Author == "citizen" && e.Text == said);
                lost += count == 0 ? 1 : 0;
                duplicated += count > 1 ? 1 : 0;
                var position = entries.FindIndex(e => e.Author == "citizen" && e.Text == said);
                var next = position >= 0 && position + 1 < entries.Count ? entries[position + 1] : default;
                // After a handover the citizen's messages are for the operator, who is not part of this test: no bot reply is due.
                var waiting = position > 0 && entries.Take(position).Any(e => e.Kind == "HandoffNotice");
                if (count > 0 && next.Author is null or "citizen")
                {
                    unanswered += waiting ? 0 : 1;
                    if (Environment.GetEnvironmentVariable("BALANCER_SHOW") == "1")
                    {
                        Console.Error.WriteLine($"{(waiting ? "left for the operator" : "without a reply")}, {channel} {person(p)}: {string.Join(" | ", entries.Select(e => e.Author + ": " + e.Text[..Math.Min(40, e.Text.Length)]))}");
                    }
                }
            }
        }

        return (lost, duplicated, unanswered);
    }

    /// <summary>
    /// Chats whose sendMessage calls differ from the bot's lines in their transcript: fewer (a reply that never reached
    /// Telegram) or more (sent twice), and how many replies that makes.
    /// </summary>
    private static async Task<(int Fewer, int More, int Missing, int Extra)> UndeliveredAsync(string database, FakeBotApi botApi, int updates)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        int fewer = 0, more = 0, missing = 0, extra = 0;
        for (var c = 0; c * TurnsPerVisitor < updates; c++)
        {
            var chat = ChatOf(c * TurnsPerVisitor);
            var said = (await EntriesAsync(connection, "telegram", chat.ToString(CultureInfo.InvariantCulture))).Count(e => e.Author != "citizen");
            var sent = botApi.Sent.GetValueOrDefault(chat);
            fewer += sent < said ? 1 : 0;
            more += sent > said ? 1 : 0;
            missing += Math.Max(0, said - sent);
            extra += Math.Max(0, sent - said);
        }

        return (fewer, more, missing, extra);
    }

    /// <summary>Telegram replies kept until Telegram has them (a host's outbox, or a dead host's, not yet taken over).</summary>
    private static async Task<long> KeptRepliesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM received_messages WHERE channel = 'telegram-out'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(string Author, string Text, string? Kind)>> EntriesAsync(NpgsqlConnection connection, string channel, string user)
    {
        var entries = new List<(string Author, string Text, string? Kind)>();
        await using var command = new NpgsqlCommand("""
            SELECT t.author, t.text, t.kind FROM transcript t JOIN conversation_people p ON p.conversation_id = t.conversation_id
            WHERE p.channel = @channel AND p.user_id = @user ORDER BY t.at, t.conversation_id, t.sequence
            """, connection);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("user", user);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return entries;
    }

    private static async Task<long> TranscriptLengthAsync(string database, string visitor)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT COALESCE(MAX(t.sequence), 0) FROM transcript t JOIN conversation_people p ON p.conversation_id = t.conversation_id
            WHERE p.channel = 'web' AND p.user_id = @user
            """, connection);
        command.Parameters.AddWithValue("user", visitor);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A visitor's web chat stream through the balancer, reconnecting with Last-Event-ID as the widget does.</summary>
    private static async Task StreamAsync(Uri balancer, string visitor, ConcurrentDictionary<long, byte> received, Action reconnected, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = balancer, Timeout = Timeout.InfiniteTimeSpan };
        var last = 0L;
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!first)
                {
                    reconnected();
                }

                first = false;
                using var request = new HttpRequestMessage(HttpMethod.Get, $"api/webchat/stream?userId={visitor}");
                if (last > 0)
                {
                    request.Headers.Add("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    if (line.StartsWith("id: ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(4), CultureInfo.InvariantCulture, out var id))
                    {
                        received[id % 1_000_000] = 0;
                        last = Math.Max(last, id);
                    }
                }
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The host went away: reconnect through the balancer, which now sends the stream to the other host.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Figures(double TurnsPerSecond, double P50, double P99, int Retries, int Failed, double[] CpuPerHost);
}
