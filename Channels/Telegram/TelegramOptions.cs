using System.ComponentModel.DataAnnotations;

namespace Assistant.Channels.Telegram;

/// <summary>Settings of the Telegram channel (section "Telegram", env Telegram__BotToken …); without a token the channel is off.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public const string PublicApiBaseUrl = "https://api.telegram.org";

    /// <summary>The token @BotFather gives ("123456:AA…"). A secret: never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Polling by default: it works on any machine; production with public HTTPS uses the webhook.</summary>
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The secret_token given to setWebhook; Telegram sends it back in X-Telegram-Bot-Api-Secret-Token. A secret: never logged.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The public HTTPS address of POST /channels/telegram/webhook; when set in webhook mode the bot registers it at start.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The Bot API server: the public one, a local telegram-bot-api server, or a test server.</summary>
    public string ApiBaseUrl { get; set; } = PublicApiBaseUrl;

    /// <summary>How long one getUpdates call waits for updates (long polling).</summary>
    [Range(1, 50)]
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>Attempts per Bot API call for transient failures (network, 5xx, 429) before the call is given up.</summary>
    [Range(2, 20)]
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>A phrases file whose keys replace the embedded telegram-phrases.ru.json.</summary>
    public string? PhrasesPath { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);
}
