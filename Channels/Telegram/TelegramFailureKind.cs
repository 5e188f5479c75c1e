namespace Assistant.Channels.Telegram;

/// <summary>What a failed Bot API call means for the next attempt.</summary>
internal enum TelegramFailureKind
{
    /// <summary>Network, 5xx, 429: worth another try after a pause.</summary>
    Transient,

    /// <summary>The bot was blocked or removed, the chat or the person is gone: nothing will reach this chat until it writes again.</summary>
    Unreachable,

    /// <summary>Telegram refused this one call (a stale keyboard, bad markup): another try would be refused too.</summary>
    Refused,
}
