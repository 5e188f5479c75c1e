using System.Text.Json;
using Assistant.Dialogs.Templates;

namespace Assistant.Channels.Vk;

/// <summary>
/// What only the VK channel says, read from <c>Vk/vk-phrases.ru.json</c> (embedded) and optionally overridden key by key from a
/// file a moderator edits; the engine's phrases stay in Dialogs.
/// </summary>
public sealed record VkPhrases
{
    private const string ResourceName = "Assistant.Channels.Vk.vk-phrases.ru.json";

    /// <summary>VK shows a snackbar text of at most 90 characters.</summary>
    private const int SnackbarLimit = 90;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The reply to a photo, sticker, voice message or document without text.</summary>
    public required string TextOnly { get; init; }

    /// <summary>The snackbar over a button that no longer applies (an old answer's "Помогло", a second rating).</summary>
    public required string StaleButton { get; init; }

    public static VkPhrases Load(string? overridePath = null)
    {
        var phrases = PhraseFile.Load(typeof(VkPhrases).Assembly, ResourceName, overridePath).Deserialize<VkPhrases>(Json)
            ?? throw new InvalidDataException("The VK phrases file is empty.");
        if (string.IsNullOrWhiteSpace(phrases.TextOnly) || string.IsNullOrWhiteSpace(phrases.StaleButton))
        {
            throw new InvalidDataException("VK phrases must not be empty.");
        }

        return phrases.StaleButton.Length <= SnackbarLimit
            ? phrases
            : throw new InvalidDataException($"staleButton is shown as a snackbar and must be at most {SnackbarLimit} characters.");
    }
}
