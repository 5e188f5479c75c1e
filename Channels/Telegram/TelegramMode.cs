namespace Assistant.Channels.Telegram;

/// <summary>How updates reach the bot: Telegram calls our webhook, or the bot asks with getUpdates (no public HTTPS needed).</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}
