using System.Text.Json;
using Assistant.Dialogs.Activities;

namespace Assistant.Channels.Telegram;

/// <summary>
/// A transcript message on its way to a chat, as kept until Telegram has it (<see cref="TelegramSender"/>): what the outbox
/// needs to send it again from another host.
/// </summary>
/// <param name="Reference">"conversation#sequence", the name in logs.</param>
public sealed record TelegramOutgoing(long ChatId, string Text, IReadOnlyList<QuickReply> Buttons, string Reference)
{
    /// <summary>The kept rows' channel name: apart from the received updates ("telegram"), which are replayed through the engine.</summary>
    public const string Channel = "telegram-out";

    /// <summary>The kept row's id: one transcript message to one chat.</summary>
    public string Id => $"{ChatId}/{Reference}";

    public string Serialize() => JsonSerializer.Serialize(this);

    /// <summary>Null when the payload is not one (written by another version, or damaged).</summary>
    public static TelegramOutgoing? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<TelegramOutgoing>(payload) is { Text: not null, Reference: not null } outgoing
                ? outgoing with { Buttons = outgoing.Buttons ?? [] }
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
