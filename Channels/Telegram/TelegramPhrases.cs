using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Assistant.Dialogs.Templates;

namespace Assistant.Channels.Telegram;

/// <summary>
/// What the bot says in Telegram beyond the conversation itself (help, the reply to a photo or voice message, the command menu),
/// read from <c>Telegram/telegram-phrases.ru.json</c> (embedded) and optionally overridden key by key from a file a moderator edits.
/// </summary>
public sealed record TelegramPhrases
{
    private const string ResourceName = "Assistant.Channels.Telegram.telegram-phrases.ru.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The reply to /start when the conversation is already going (a new one gets the engine's greeting).</summary>
    public required string Start { get; init; }

    public required string Help { get; init; }

    /// <summary>The reply to a photo, voice message, sticker, file and the like; an operator button goes with it.</summary>
    public required string Attachment { get; init; }

    public required TelegramCommandTitles Commands { get; init; }

    public static TelegramPhrases Load(string? overridePath = null)
    {
        var phrases = PhraseFile.Load(typeof(TelegramPhrases).Assembly, ResourceName, overridePath);
        var loaded = phrases.Deserialize<TelegramPhrases>(Json) ?? throw new InvalidDataException("The Telegram phrases file is empty.");
        string[] all = [loaded.Start, loaded.Help, loaded.Attachment, loaded.Commands.Start, loaded.Commands.Help, loaded.Commands.Operator];
        if (all.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException("Telegram phrases must not be empty.");
        }

        // Telegram refuses command descriptions outside 1–256 characters, and would refuse the whole menu.
        return new[] { loaded.Commands.Start, loaded.Commands.Help, loaded.Commands.Operator }.All(d => d.Length <= 256)
            ? loaded
            : throw new InvalidDataException("Telegram command descriptions must be at most 256 characters.");
    }
}
