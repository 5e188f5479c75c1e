namespace Assistant.Channels.Telegram;

/// <summary>The bot's commands (its command menu); anything else starting with "/" is answered with the help.</summary>
public enum TelegramCommand
{
    Start,
    Help,
    Operator,
    Unknown,
}
