using System.Net;
using Assistant.Bot.Host.Cli;
using Assistant.Bot.Host.Metrics;
using Assistant.Bot.Host.Tests.Support;
using Assistant.Tests.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>Liveness and readiness probes, and the Prometheus endpoint with the assistant's own metrics.</summary>
public sealed class HealthAndMetricsTests : IClassFixture<RunningApp>
{
    private readonly RunningApp _app;

    public HealthAndMetricsTests(RunningApp app) => _app = app;

    [Fact]
    public async Task Live_and_ready_answer_anonymously_and_ready_lists_the_kb()
    {
        var live = await _app.Client.GetAsync("healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());

        var ready = await _app.Client.GetAsync("healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"kb\":\"Healthy\"", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_healthcheck_verb_exits_0_against_the_running_app_and_1_when_nothing_answers()
    {
        var error = new StringWriter();
        Assert.Equal(0, await HealthcheckCommand.RunAsync(["--url", new Uri(_app.Address, "healthz/live").ToString()], error, CancellationToken.None));

        var nobody = $"http://127.0.0.1:{FreeTcpPort.Next()}/healthz/live";
        Assert.Equal(1, await HealthcheckCommand.RunAsync(["--url", nobody], error, CancellationToken.None));
        Assert.Contains(nobody, error.ToString());
    }

    [Fact]
    public async Task Metrics_count_turns_by_channel_and_decision_and_handovers_and_the_queue()
    {
        await WebChatCalls.SendAsync(_app.Client, WebChatCalls.NewUserId(), "как получить полис омс");
        var waiting = WebChatCalls.NewUserId();
        await WebChatCalls.SendAsync(_app.Client, waiting, "позовите оператора");
        await _app.Services.GetRequiredService<QueueMetrics>().SampleAsync(CancellationToken.None);

        var metrics = await _app.Client.GetStringAsync("metrics");

        Assert.Matches(@"assistant_turns_total\{[^}]*channel=""web"",decision=""answer""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"assistant_handovers_total\{[^}]*channel=""web"",reason=""Requested""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"assistant_queue_length\{[^}]*group=""general""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"assistant_kb_reloads_total\{[^}]*result=""ok""[^}]*\} [1-9]", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics);
    }

    [Fact]
    public async Task With_a_metrics_port_the_public_address_does_not_show_the_metrics()
    {
        var port = FreeTcpPort.Next();
        await using var app = new ConfiguredApp(("urls", $"http://127.0.0.1:0;http://127.0.0.1:{port}"), ("Metrics:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await app.InitializeAsync();
        var publicAddress = app.Address.Port == port ? null : app.Address;
        Assert.NotNull(publicAddress);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("metrics")).StatusCode);
        using var scrape = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Assert.Contains("assistant_kb_reloads_total", await scrape.GetStringAsync("metrics"));
    }

}

/// <summary>Readiness follows Redis: a host whose Redis is down is taken out of the balancer, and comes back with it.</summary>
public sealed class ReadinessWithRedisTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Ready_fails_while_the_configured_redis_is_down_and_recovers_with_it_while_live_stays_up()
    {
        await using var app = new ConfiguredApp(("ConnectionStrings:Redis", redis.Configuration));
        await app.InitializeAsync();
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("healthz/ready")).StatusCode);

        await redis.StopAsync();
        try
        {
            var ready = await app.Client.GetAsync("healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("\"redis\":\"Unhealthy\"", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("healthz/live")).StatusCode);
        }
        finally
        {
            await redis.StartAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(500);
            status = (await app.Client.GetAsync("healthz/ready")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
