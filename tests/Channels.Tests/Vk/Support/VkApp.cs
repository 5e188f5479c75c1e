using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Assistant.Bot.Host;
using Assistant.Bot.Host.Channels;
using Assistant.Channels.Vk;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Lifecycle;
using Assistant.Dialogs.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Channels.Tests.Vk.Support;

/// <summary>
/// The real app on Kestrel at a free loopback port with its own data directory and the VK channel on, pointed at a
/// <see cref="FakeVkApi"/> (the RunningApp pattern of Bot.Host.Tests). Callback mode unless a subclass says otherwise.
/// </summary>
public class VkApp : IAsyncLifetime
{
    public const long GroupId = 229_100_417;
    public const string Secret = "test-callback-secret-9d31";
    public const string Confirmation = "4f8e21aa";

    /// <summary>The app's Storage:DataDirectory; give two apps the same one to play a restart.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "assistant-vk-" + Guid.NewGuid().ToString("N"));

    /// <summary>Leave the data directory for the next app (a restart) instead of deleting it.</summary>
    public bool KeepData { get; init; }

    private WebApplication? _app;

    public FakeVkApi Vk { get; private set; } = null!;

    public HttpClient Client { get; private set; } = new();

    public IServiceProvider Services => _app!.Services;

    protected virtual string Mode => "callback";

    /// <summary>The app's settings: the VK channel on, pointed at the fake, with short back-off pauses.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings =>
    [
        ("Vk:AccessToken", FakeVkApi.Token),
        ("Vk:GroupId", GroupId.ToString(CultureInfo.InvariantCulture)),
        ("Vk:Mode", Mode),
        ("Vk:Secret", Secret),
        ("Vk:Confirmation", Confirmation),
        ("Vk:ApiVersion", FakeVkApi.ApiVersion),
        ("Vk:ApiBaseUrl", Vk.BaseUrl.ToString()),
        ("Vk:RetryDelay", "00:00:00.010"),
    ];

    public async Task InitializeAsync()
    {
        Vk = await FakeVkApi.StartAsync();
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Storage:DataDirectory", DataDirectory };
        foreach (var (key, value) in Settings)
        {
            args.Add("--" + key);
            args.Add(value);
        }

        // AssistantApp may wire the channel itself; AddVkChannel registers once, and the route is mapped once.
        _app = AssistantApp.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddVkChannel();
        });
        if (!HasRoute(_app, VkChannel.CallbackRoute))
        {
            _app.MapVkChannel();
        }

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Vk.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepData && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    /// <summary>Posts an event to the callback endpoint as VK does, optionally as a redelivery.</summary>
    public Task<HttpResponseMessage> PostCallbackAsync(JsonObject update, int? retryCounter = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, VkChannel.CallbackRoute.TrimStart('/')) { Content = JsonContent.Create(update) };
        if (retryCounter is { } retry)
        {
            request.Headers.Add("X-Retry-Counter", retry.ToString(CultureInfo.InvariantCulture));
        }

        return Client.SendAsync(request);
    }

    /// <summary>Posts an event that must be answered "ok".</summary>
    public async Task PostOkAsync(JsonObject update, int? retryCounter = null)
    {
        using var response = await PostCallbackAsync(update, retryCounter);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode && body == "ok", $"{(int)response.StatusCode} {body}");
    }

    public DialogStores Stores => Services.GetRequiredService<DialogStores>();

    public async Task<Conversation> ConversationOfAsync(long peerId)
    {
        var conversation = await Stores.Conversations.GetAsync(new ConversationKey(VkChannel.Name, peerId.ToString(CultureInfo.InvariantCulture)), CancellationToken.None);
        Assert.NotNull(conversation);
        return conversation;
    }

    /// <summary>What the person wrote or pressed, in the order of the transcript.</summary>
    public async Task<IReadOnlyList<string>> CitizenLinesAsync(long peerId)
    {
        var conversation = await ConversationOfAsync(peerId);
        var entries = await Stores.Transcripts.ReadAsync(conversation.Id, 0, CancellationToken.None);
        return [.. entries.Where(e => e.From == Authors.Citizen).Select(e => e.Text)];
    }

    private static bool HasRoute(IEndpointRouteBuilder app, string route) =>
        app.DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Any(e => e.RoutePattern.RawText == route);
}

/// <summary>The app with the VK channel in Bots Long Poll mode.</summary>
public sealed class VkLongPollApp : VkApp
{
    protected override string Mode => "longpoll";
}

/// <summary>The callback app scaled out on Redis, with quick retries of received events and a two-second stop.</summary>
public sealed class VkOnRedisApp(string redis) : VkApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
    [
        .. base.Settings,
        ("ConnectionStrings:Redis", redis),
        ("Channels:IncomingRetry:FirstDelay", "00:00:00.2"),
        ("Channels:IncomingRetry:MaxDelay", "00:00:01"),
        ("shutdownTimeoutSeconds", "2"),
    ];
}
