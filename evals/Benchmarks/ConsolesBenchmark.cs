using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Assistant.Knowledge.Seed;
using Microsoft.Playwright;

namespace Assistant.Benchmarks;

/// <summary>
/// Operator consoles at scale: a Bot.Host process on embedded defaults, <c>operators</c> consoles open in headless Chromium
/// (one signed-in page each, every one with an operator account of its own, spread over <c>groups</c> skill groups),
/// <c>waiting</c> conversations queued across those groups, then handovers one after another, each timed from the citizen's
/// «Оператор» to the moment its row appears on every console of its group (a MutationObserver in each page notes the time).
/// Prints p50/p99/max of that delay and the server's memory per connected console.
/// </summary>
public static class ConsolesBenchmark
{
    private const string Password = "Bench-password-1";

    public static async Task RunAsync(string repositoryRoot, int operators, int waiting, int groups, int handovers)
    {
        var host = Path.Combine(repositoryRoot, "Bot.Host", "bin", "Release", "net10.0", "Bot.Host.dll");
        var questions = QuestionsByGroup(groups);
        Console.WriteLine($"consoles: {operators} operators over {questions.Count} groups, {waiting} conversations waiting, {handovers} timed handovers");
        await using var server = await ServerProcess.StartAsync(host, null, null, new Dictionary<string, string>
        {
            ["Dialogs__Handoff__MaxQueueLength"] = "100000",
            ["Staff__MaxConversationsPerOperator"] = "100",
        });

        // One account per console, as in a real contact centre: operator i works in group i mod groups (50 operators over 10
        // groups: five per group), each signed in with their own login, so each console is its own person and circuit.
        var groupList = questions.Keys.ToList();
        for (var i = 0; i < operators; i++)
        {
            await StaffAddAsync(host, server.DataDirectory, "bench-" + i, groupList[i % groupList.Count]);
        }

        using var http = new HttpClient { BaseAddress = server.Address };
        var fill = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, waiting), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await HandOverAsync(http, questions[groupList[i % groupList.Count]], ct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"queued {waiting} in {fill.Elapsed.TotalSeconds:0.0} s"));

        var rssBefore = server.ResidentMegabytes();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var consoles = new List<(string Group, IPage Page)>();
        var connect = Stopwatch.StartNew();
        for (var i = 0; i < operators; i++)
        {
            var groupIndex = i % groupList.Count;
            var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString(), Locale = "ru-RU" });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(60_000);
            await page.GotoAsync("/staff/login");
            await page.Locator("#login").FillAsync("bench-" + i);
            await page.Locator("#password").FillAsync(Password);
            await page.Locator("button[type=submit]").First.ClickAsync();
            await page.Locator("h1[data-ready=yes]").WaitForAsync();
            await page.EvaluateAsync("""
                () => {
                  window.__seen = {};
                  window.__log = [];
                  const note = () => document.querySelectorAll('tr[data-conversation]').forEach(row => {
                    const id = row.getAttribute('data-conversation');
                    if (!(id in window.__seen)) { window.__seen[id] = Date.now(); window.__log.push(window.__seen[id]); }
                  });
                  note();
                  new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
                }
                """);
            consoles.Add((groupList[groupIndex], page));
        }

        await Task.Delay(2000);
        var rssAfter = server.ResidentMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{operators} consoles connected in {connect.Elapsed.TotalSeconds:0.0} s; server RSS {rssBefore:0} MB before, {rssAfter:0} MB after: {(rssAfter - rssBefore) / operators:0.0} MB per console"));

        var delays = new List<double>();
        var missed = 0;
        for (var i = 0; i < handovers; i++)
        {
            var group = groupList[i % groupList.Count];
            var pages = consoles.Where(c => c.Group == group).Select(c => c.Page).ToList();
            var before = new List<int>();
            foreach (var page in pages)
            {
                before.Add(await page.EvaluateAsync<int>("() => window.__log.length"));
            }

            var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await HandOverAsync(http, questions[group], CancellationToken.None);
            for (var p = 0; p < pages.Count; p++)
            {
                var seen = await WaitSeenAsync(pages[p], before[p], TimeSpan.FromSeconds(10));
                if (seen is null)
                {
                    missed++;
                }
                else
                {
                    delays.Add(seen.Value - sent);
                }
            }
        }

        delays.Sort();
        Console.WriteLine("handover → every console of its group: deliveries   p50 ms   p99 ms   max ms   missed (10 s)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"                                        {delays.Count,10} {Percentile(delays, 0.5),8:0} {Percentile(delays, 0.99),8:0} {delays.LastOrDefault(),8:0} {missed,8}"));
        Console.WriteLine("(the delay includes the handover turn itself: the citizen's «Оператор» request and the bot's reply)");
    }

    /// <summary>When the page first showed a row it had not shown before (the <paramref name="known"/>-th in its log).</summary>
    private static async Task<long?> WaitSeenAsync(IPage page, int known, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var seen = await page.EvaluateAsync<double?>("n => window.__log.length > n ? window.__log[n] : null", known);
            if (seen is { } at)
            {
                return (long)at;
            }

            await Task.Delay(20);
        }

        return null;
    }

    /// <summary>One question per skill group (the first article routed to it), for <paramref name="groups"/> groups.</summary>
    private static Dictionary<string, string> QuestionsByGroup(int groups) =>
        SeedKnowledgeBase.Load().Articles
            .Where(a => !string.IsNullOrEmpty(a.HandoffGroup))
            .GroupBy(a => a.HandoffGroup!)
            .Take(groups)
            .ToDictionary(g => g.Key, g => g.First().Title);

    /// <summary>A new visitor asks <paramref name="question"/> and presses «Оператор»: one more conversation waits.</summary>
    private static async Task HandOverAsync(HttpClient http, string question, CancellationToken cancellationToken)
    {
        var userId = Guid.NewGuid().ToString();
        await PostAsync(http, new { userId, clientMessageId = Guid.NewGuid().ToString(), type = "message", text = question }, cancellationToken);
        await PostAsync(http, new { userId, clientMessageId = Guid.NewGuid().ToString(), type = "button", text = "Оператор", payload = "operator" }, cancellationToken);
    }

    private static async Task PostAsync(HttpClient http, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/webchat/activities", body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static async Task StaffAddAsync(string host, string dataDirectory, string login, string group)
    {
        var start = new ProcessStartInfo("dotnet", [host, "staff", "add", login, "--role", "operator", "--groups", group])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(Password);
        process.StandardInput.Close();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"staff add {login} failed: {await process.StandardError.ReadToEndAsync()}");
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
