using Assistant.Channels.Incoming;
using Assistant.Channels.Vk;
using Assistant.Channels.Vk.Api;
using Assistant.Channels.Vk.Receiving;
using Assistant.Channels.Vk.Sending;
using Assistant.Dialogs.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Channels.Tests.Vk.Support;

/// <summary>The channel's real parts (API client, sender, long-poll receiver) pointed at a <see cref="FakeVkApi"/>, without the app.</summary>
public sealed class VkParts : IDisposable
{
    public const long GroupId = 229_100_418;

    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("vk-parts-");

    public VkParts(FakeVkApi fake, int maxRetryAttempts = 4)
    {
        Options = Microsoft.Extensions.Options.Options.Create(new VkOptions
        {
            AccessToken = FakeVkApi.Token,
            GroupId = GroupId,
            Mode = VkMode.LongPoll,
            ApiVersion = FakeVkApi.ApiVersion,
            ApiBaseUrl = fake.BaseUrl.ToString(),
            RetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryAttempts = maxRetryAttempts,
        });
        Api = new VkApiClient(Http, Options, NullLogger<VkApiClient>.Instance);
        Received = new ReceivedMessages(DialogStores.Sqlite(Path.Combine(_data.FullName, "dialogs.db")), TimeProvider.System);
    }

    /// <summary>Where received events are kept until processed (a SQLite file of its own).</summary>
    public ReceivedMessages Received { get; }

    public IOptions<VkOptions> Options { get; }

    public VkApiClient Api { get; }

    public VkClientCapabilities Clients { get; } = new();

    public VkChannelSender Sender => new(Api, Clients, Received, NullLogger<VkChannelSender>.Instance);

    public VkLongPollReceiver LongPollReceiver(VkInbox inbox) =>
        new(Api, new VkLongPollClient(Http, Options), new VkIntake(inbox, Received), Received, Options, TimeProvider.System, NullLogger<VkLongPollReceiver>.Instance);

    private IHttpClientFactory Http => _services.GetRequiredService<IHttpClientFactory>();

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
