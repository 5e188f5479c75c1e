using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Assistant.Bot.Host;
using Assistant.Bot.Host.Channels;
using Assistant.Channels.Telegram;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Delivery;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Telegram.Support;

/// <summary>
/// The real app on Kestrel at a free loopback port, with its own data directory and the Telegram channel pointed at a
/// <see cref="FakeTelegramServer"/> (Telegram:ApiBaseUrl) – the real Telegram.Bot client in the loop.
/// </summary>
public abstract class TelegramApp : IAsyncLifetime
{
    public const string Secret = "test-webhook-secret_5f0c2a";

    /// <summary>The app's Storage:DataDirectory; give two apps the same one to play a restart.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "assistant-telegram-" + Guid.NewGuid().ToString("N"));

    /// <summary>Leave the data directory for the next app (a restart) instead of deleting it.</summary>
    public bool KeepData { get; init; }

    private WebApplication? _app;

    public FakeTelegramServer Telegram { get; private set; } = null!;

    public HttpClient Client { get; private set; } = new();

    public IServiceProvider Services => _app!.Services;

    public CapturedLogs Logs { get; } = new();

    public DialogStores Stores => Services.GetRequiredService<DialogStores>();

    public IChannelSender Sender => Services.GetServices<IChannelSender>().Single(s => s.Channel == TelegramChannel.Name);

    protected abstract TelegramMode Mode { get; }

    /// <summary>More command-line settings for a test's app ("--Key", "value", …).</summary>
    protected virtual IEnumerable<string> ExtraArgs => [];

    public async Task InitializeAsync()
    {
        Telegram = await FakeTelegramServer.StartAsync();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Storage:DataDirectory", DataDirectory,
            "--Telegram:BotToken", FakeTelegramServer.Token,
            "--Telegram:Mode", Mode.ToString().ToLowerInvariant(),
            "--Telegram:WebhookSecret", Secret,
            "--Telegram:ApiBaseUrl", Telegram.BaseUrl.ToString(),
            "--Telegram:PollingTimeoutSeconds", "5",
            .. ExtraArgs,
        ];
        _app = AssistantApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.AddTelegramChannel();
        });
        if (!MapsWebhook(_app))
        {
            _app.MapTelegramChannel();
        }

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/") };
    }

    /// <summary>Posts an update to the webhook as Telegram does, with the secret header unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostUpdateAsync(JsonObject update, string? secret = Secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TelegramChannel.WebhookPath.TrimStart('/')) { Content = JsonContent.Create(update) };
        if (secret is not null)
        {
            request.Headers.Add(TelegramChannel.SecretHeader, secret);
        }

        return await Client.SendAsync(request);
    }

    public async Task<Conversation?> ConversationAsync(long chatId) =>
        await Stores.Conversations.GetAsync(TelegramChannel.KeyOf(chatId), CancellationToken.None);

    /// <summary>What the person wrote in the chat's current conversation, as the transcript holds it.</summary>
    public async Task<IReadOnlyList<string>> CitizenTextsAsync(long chatId)
    {
        var conversation = await ConversationAsync(chatId);
        if (conversation is null)
        {
            return [];
        }

        var transcript = await Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
        return [.. transcript.Where(e => e.From == Authors.Citizen).Select(e => e.Text)];
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Telegram.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepData && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    /// <summary>True when the app's own composition already maps the webhook (AssistantApp calls MapTelegramChannel).</summary>
    private static bool MapsWebhook(IEndpointRouteBuilder app) =>
        app.DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText == TelegramChannel.WebhookPath);
}

public sealed class TelegramWebhookApp : TelegramApp
{
    protected override TelegramMode Mode => TelegramMode.Webhook;
}

/// <summary>The webhook app scaled out on Redis (state, locks, de-duplication), with quick retries of received updates.</summary>
public sealed class TelegramOnRedisApp(string redis) : TelegramApp
{
    protected override TelegramMode Mode => TelegramMode.Webhook;

    /// <summary>Stops within two seconds, abandoning what is still being retried (the host's default patience is 30 s).</summary>
    protected override IEnumerable<string> ExtraArgs =>
    [
        "--ConnectionStrings:Redis", redis, "--Channels:IncomingRetry:FirstDelay", "00:00:00.2", "--Channels:IncomingRetry:MaxDelay", "00:00:01",
        "--shutdownTimeoutSeconds", "2",
    ];
}

public sealed class TelegramPollingApp : TelegramApp
{
    protected override TelegramMode Mode => TelegramMode.Polling;
}

[CollectionDefinition(Name)]
public sealed class TelegramWebhookCollection : ICollectionFixture<TelegramWebhookApp>
{
    public const string Name = "Telegram webhook app";
}
