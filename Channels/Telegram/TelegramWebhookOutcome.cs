namespace Assistant.Channels.Telegram;

/// <summary>What became of one webhook call; the host turns it into the HTTP status Telegram sees.</summary>
public enum TelegramWebhookOutcome
{
    /// <summary>Queued: answer 200 now, processing follows in the background.</summary>
    Accepted,

    /// <summary>No X-Telegram-Bot-Api-Secret-Token: 401, nothing processed.</summary>
    MissingSecret,

    /// <summary>A secret that is not ours: 403, nothing processed.</summary>
    WrongSecret,

    /// <summary>The body is no update: 400.</summary>
    NotAnUpdate,

    /// <summary>The queue is full or closing: 503, so that Telegram delivers the update again later.</summary>
    Busy,
}
