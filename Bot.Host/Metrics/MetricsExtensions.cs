using Assistant.Channels;
using Assistant.Dialogs.Engine;
using Assistant.Knowledge.Retrieval;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Assistant.Bot.Host.Metrics;

/// <summary>
/// OpenTelemetry: the assistant's own meters, ASP.NET Core and HttpClient metrics, exported for Prometheus at <c>/metrics</c>;
/// traces (the engine's turns, requests, outgoing calls) only when an OTLP endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): with nowhere to send them, recording them would cost every turn for nothing.
/// </summary>
public static partial class MetricsExtensions
{
    public static WebApplicationBuilder AddAssistantMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QueueMetrics>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueMetrics>());

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("assistant"))
            .WithMetrics(metrics => metrics
                .AddMeter(DialogMetrics.MeterName, ChannelMetrics.MeterName, KnowledgeMetrics.MeterName, QueueMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(DialogTelemetry.SourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = RedactSecrets)
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// The Telegram Bot API takes the bot's token in the path (<c>/bot123:ABC/getUpdates</c>), which the instrumentation would
    /// export as the span's address: whoever reads the traces could act as the bot. The token is cut out of it.
    /// </summary>
    private static void RedactSecrets(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri && BotTokenPath().Match(uri.AbsolutePath) is { Success: true } token)
        {
            var path = string.Concat(uri.AbsolutePath.AsSpan(0, token.Index), "/bot[скрыт]", uri.AbsolutePath.AsSpan(token.Index + token.Length));
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{path}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"/bot[^/]+")]
    private static partial System.Text.RegularExpressions.Regex BotTokenPath();

    /// <summary><c>/metrics</c> for Prometheus, anonymous, and on <c>Metrics:Port</c> only when that is set.</summary>
    public static IEndpointRouteBuilder MapMetrics(this WebApplication app)
    {
        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Port is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }

        return app;
    }
}
