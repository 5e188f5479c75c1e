using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Bot.Host.Metrics;
using Assistant.Bot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>deploy/grafana/assistant-dashboard.json is valid Grafana JSON and charts only metrics the assistant exports.</summary>
public sealed partial class GrafanaDashboardTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Every_metric_the_dashboard_charts_is_exported_under_that_name()
    {
        var path = Path.Combine(Repository.Root, "deploy", "grafana", "assistant-dashboard.json");
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.True(panels.Count >= 10);
        var expressions = panels.SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        var charted = expressions.SelectMany(e => MetricName().Matches(e).Select(m => Base().Replace(m.Value, ""))).ToHashSet();

        // The assistant's own instruments, under the names the Prometheus exporter gives them; ASP.NET Core's come from a scrape.
        _ = app.Services.GetRequiredService<QueueMetrics>();
        var exported = new HashSet<string>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name.StartsWith("Assistant.", StringComparison.Ordinal))
                {
                    var name = instrument.Name.Replace('.', '_') + (instrument.Unit == "s" ? "_seconds" : "");
                    exported.Add(instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) ? name + "_total" : name);
                }
            };
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Assistant.Dialogs.Engine.DialogMetrics).TypeHandle);
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Assistant.Channels.ChannelMetrics).TypeHandle);
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Assistant.Knowledge.Retrieval.KnowledgeMetrics).TypeHandle);
            listener.Start();
        }

        await WebChatCalls.SendAsync(app.Client, WebChatCalls.NewUserId(), "как получить полис омс");
        var scrape = await app.Client.GetStringAsync("metrics");
        foreach (var name in charted)
        {
            Assert.True(exported.Contains(name) || scrape.Contains(name + "_", StringComparison.Ordinal) || scrape.Contains(name + "{", StringComparison.Ordinal),
                $"The dashboard charts {name}, which the assistant does not export (exported: {string.Join(", ", exported.Order())}).");
        }

        Assert.Contains("assistant_turns_total", charted);
        Assert.Contains("assistant_queue_length", charted);
    }

    [GeneratedRegex(@"\b(?:assistant|http_server)_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"_(?:bucket|count|sum)$")]
    private static partial Regex Base();
}
