namespace Assistant.Channels.Telegram;

/// <summary>The descriptions of the bot's commands in Telegram's command menu (setMyCommands).</summary>
public sealed record TelegramCommandTitles
{
    public required string Start { get; init; }
    public required string Help { get; init; }
    public required string Operator { get; init; }
}
