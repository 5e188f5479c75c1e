using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Assistant.Channels.Telegram;

/// <summary>
/// What the bot says in Telegram beyond the conversation itself (help, the reply to a photo or voice message, the command menu),
/// read from <c>Telegram/telegram-phrases.ru.json</c> (embedded) and optionally overridden key by key from a file a moderator edits.
/// </summary>
public sealed record TelegramPhrases
{
    private const string ResourceName = "Assistant.Channels.Telegram.telegram-phrases.ru.json";

    private static readonly JsonDocumentOptions Document = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

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
        using var stream = typeof(TelegramPhrases).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        var phrases = JsonNode.Parse(stream, documentOptions: Document)!.AsObject();
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            var overrides = JsonNode.Parse(File.ReadAllText(overridePath), documentOptions: Document)?.AsObject()
                ?? throw new InvalidDataException($"{overridePath} holds no JSON object.");
            Merge(phrases, overrides);
        }

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

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides.ToList())
        {
            if (value is JsonObject nested && target[key] is JsonObject existing)
            {
                Merge(existing, nested);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
