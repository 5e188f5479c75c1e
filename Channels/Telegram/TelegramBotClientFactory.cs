using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Assistant.Channels.Telegram;

/// <summary>Builds the one Bot API client of the app from the options.</summary>
public static class TelegramBotClientFactory
{
    public static ITelegramBotClient Create(IOptions<TelegramOptions> options)
    {
        var settings = options.Value;
        var baseUrl = string.Equals(settings.ApiBaseUrl.TrimEnd('/'), TelegramOptions.PublicApiBaseUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : settings.ApiBaseUrl.TrimEnd('/');

        // Retries are ours (TelegramRetryPolicy): the client's own 429 retry would wait inside a call, unseen by the pacing.
        var clientOptions = new TelegramBotClientOptions(settings.BotToken!, baseUrl) { RetryCount = 0 };

        // A long-lived client of its own, not IHttpClientFactory's: its request logs would write the URL, and the URL holds the token.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(settings.PollingTimeoutSeconds + 30),
        };
        return new TelegramBotClient(clientOptions, http);
    }
}
