using System.Text;
using Assistant.Bot.Host.Tests.Support;

namespace Assistant.Bot.Host.Tests.Operations;

/// <summary>
/// Traces go out over OTLP/HTTP (the real OpenTelemetry exporter) to a collector once OTEL_EXPORTER_OTLP_ENDPOINT is set: the
/// web request and the engine's own turn span, under the service name «assistant».
/// </summary>
public sealed class TracesTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_a_web_chat_turn_is_traced_from_the_request_to_the_engine()
    {
        await using var collector = new OtlpReceiver();
        await using var app = new ConfiguredApp(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "200"));
        await app.InitializeAsync();

        await WebChatCalls.SendAsync(app.Client, WebChatCalls.NewUserId(), "как получить полис омс");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string exported;
        do
        {
            await Task.Delay(200);
            // Protobuf keeps strings as UTF-8 bytes: names and attribute values can be looked for in the raw export.
            exported = string.Join("\n", collector.Traces.Select(Encoding.UTF8.GetString));
        }
        while (!(exported.Contains("dialog.turn", StringComparison.Ordinal) && exported.Contains("api/webchat/activities", StringComparison.Ordinal))
               && DateTime.UtcNow < deadline);

        Assert.Contains("dialog.turn", exported);
        Assert.Contains("Assistant.Dialogs", exported);
        Assert.Contains("dialog.channel", exported);
        Assert.Contains("api/webchat/activities", exported);
        Assert.Contains("assistant", exported);
    }

    [Fact]
    public async Task The_telegram_bot_token_in_the_bot_APIs_path_never_reaches_the_traces()
    {
        const string token = "123456789:AAF-secret-token-for-traces";
        await using var collector = new OtlpReceiver();
        await using var app = new ConfiguredApp(
            ("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_BSP_SCHEDULE_DELAY", "200"),
            ("Telegram:BotToken", token),
            // Any HTTP server will do: the polling call is made (and traced) whatever it answers.
            ("Telegram:ApiBaseUrl", collector.Endpoint));
        await app.InitializeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        string exported;
        do
        {
            await Task.Delay(200);
            exported = string.Join("\n", collector.Traces.Select(Encoding.UTF8.GetString));
        }
        while (!exported.Contains("/bot[скрыт]/", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("/bot[скрыт]/", exported);
        Assert.DoesNotContain("secret-token", exported);
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_traced()
    {
        await using var app = new ConfiguredApp();
        await app.InitializeAsync();
        Assert.Null(app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
    }
}
