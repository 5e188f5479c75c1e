using Microsoft.Extensions.Options;

namespace Assistant.Channels.Telegram;

/// <summary>Checks the Telegram settings at start; the messages name the setting, never its value (token and secret are secrets).</summary>
public sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Errors(TelegramOptions options)
    {
        if (!options.IsEnabled)
        {
            yield break;
        }

        if (!IsTokenShaped(options.BotToken!))
        {
            yield return "Telegram:BotToken does not look like a bot token (digits, a colon, then letters, digits, '_' or '-').";
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            yield return "Telegram:ApiBaseUrl must be an absolute http(s) URL.";
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            // Telegram accepts 1–256 characters A-Z, a-z, 0-9, _ and - as secret_token.
            if (string.IsNullOrEmpty(options.WebhookSecret) || options.WebhookSecret.Length > 256
                || !options.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                yield return "Telegram:WebhookSecret is required in webhook mode: 1–256 characters A-Z, a-z, 0-9, '_' or '-'.";
            }

            if (options.WebhookUrl is { Length: > 0 } url && !IsHttpUrl(url))
            {
                yield return "Telegram:WebhookUrl must be an absolute http(s) URL.";
            }
        }
    }

    private static bool IsTokenShaped(string token)
    {
        var colon = token.IndexOf(':');
        return colon > 0 && colon < token.Length - 1
            && token[..colon].All(char.IsAsciiDigit)
            && token[(colon + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
