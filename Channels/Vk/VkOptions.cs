namespace Assistant.Channels.Vk;

/// <summary>Section "Vk" (docs/channels-vk.md). Without an access token the channel is off.</summary>
public sealed class VkOptions
{
    public const string Section = "Vk";

    /// <summary>The community's access token with the "messages" right; a secret, never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The community's id (a positive number).</summary>
    public long GroupId { get; set; }

    public VkMode Mode { get; set; } = VkMode.Callback;

    /// <summary>The Callback API "secret key"; every event must carry it. A secret, never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>The string VK expects back from the "confirmation" event when the server address is set.</summary>
    public string? Confirmation { get; set; }

    /// <summary>The API version every call is made with; pinned, because field names and shapes change between versions.</summary>
    public string ApiVersion { get; set; } = "5.199";

    /// <summary>Where the API lives; a test points it at a local server.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.vk.com";

    /// <summary>Seconds the long-poll server may hold a request open when there are no events (VK allows up to 90).</summary>
    public int LongPollWait { get; set; } = 25;

    /// <summary>The first back-off after a transient error (network, 5xx, error 6); doubles each time, longer for flood control (9).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of one API call after a transient error before the call fails.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>A phrases file whose keys replace the embedded vk-phrases.ru.json.</summary>
    public string? PhrasesPath { get; set; }
}
