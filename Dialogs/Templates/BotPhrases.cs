using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assistant.Dialogs.Templates;

/// <summary>
/// Every Russian phrase the bot says, its button titles and the phrases it recognises, read from
/// <c>Templates/phrases.ru.json</c> (embedded) and optionally overridden key by key from a file a moderator edits.
/// </summary>
public sealed record BotPhrases
{
    private const string ResourceName = "Assistant.Dialogs.Templates.phrases.ru.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public required string Greeting { get; init; }
    public required string PersonalDataNotice { get; init; }
    public required string Source { get; init; }
    public required string Clarify { get; init; }

    /// <summary>A button under an answer for the second question of the same message; {title} is that article's title.</summary>
    public required string AlsoAsked { get; init; }
    /// <summary>Leads the next likely articles when the citizen asks again what the last answer was for.</summary>
    public required string RepeatedQuestion { get; init; }
    /// <summary>A follow-up about the article just answered, answered by its sentences; {passage} is them, quoted.</summary>
    public required string AnswerPassage { get; init; }
    /// <summary>A follow-up about the article just answered that none of its sentences answers.</summary>
    public required string AnswerAbove { get; init; }
    public required string Fallback { get; init; }
    /// <summary>«No answer» to a message asking for a diagnosis, a medicine or a dose: who can help, and the emergency numbers.</summary>
    public required string MedicalAdvice { get; init; }
    /// <summary>Said first to a message describing an acute emergency: the emergency numbers.</summary>
    public required string Emergency { get; init; }
    /// <summary>Said first to a message describing thoughts of suicide or self-harm: 112 and a helpline.</summary>
    public required string Crisis { get; init; }
    /// <summary>Instead of «нет ответа» after the emergency or crisis numbers: the way to a person in the chat.</summary>
    public required string AfterUrgentNotice { get; init; }
    public required string AskInWords { get; init; }
    public required string TooLong { get; init; }
    public required string Throttled { get; init; }
    public required string Helped { get; init; }

    public required string HandoffRequested { get; init; }
    public required string HandoffNotHelped { get; init; }
    public required string HandoffFallbacks { get; init; }
    public required string HandoffSensitive { get; init; }
    public required string HandoffQueued { get; init; }
    public required string HandoffTransferred { get; init; }
    public required string AlreadyQueued { get; init; }
    public required string OperatorJoined { get; init; }

    public required string OperatorsClosed { get; init; }
    public required string OperatorsBusy { get; init; }
    public required string Hours { get; init; }
    public required string EveryDay { get; init; }

    /// <summary>Short day names, Sunday first (as <see cref="DayOfWeek"/> counts).</summary>
    public required IReadOnlyList<string> DayNames { get; init; }

    public required string RequestOffer { get; init; }
    public required string RequestStart { get; init; }
    public required string RequestAskContact { get; init; }
    public required string RequestContactInvalid { get; init; }
    public required string RequestAcknowledged { get; init; }
    public required string RequestCancelled { get; init; }
    public required string RequestAnswer { get; init; }

    public required string ClosedByCitizen { get; init; }
    /// <summary>«Вопрос решён» while still waiting in the queue: the question leaves it.</summary>
    public required string LeftQueue { get; init; }
    /// <summary>The third list in a row with the same articles, none of which was chosen: instead of the list.</summary>
    public required string SameListAgain { get; init; }
    /// <summary>A number typed after a list that is none of its choices: the list again, with this.</summary>
    public required string ChooseFromList { get; init; }
    public required string ClosedByOperator { get; init; }
    public required string ClosedByInactivity { get; init; }
    public required string RatingPrompt { get; init; }
    public required string RatingThanks { get; init; }
    public required string CommentThanks { get; init; }

    public required SmallTalkPhrases SmallTalk { get; init; }

    public required DeskPhrases Desk { get; init; }
    public required ButtonTitles Buttons { get; init; }
    public required RecognisedPhrases Recognise { get; init; }

    /// <summary>The embedded phrases, with the keys present in <paramref name="overridePath"/> (when given) replacing them.</summary>
    public static BotPhrases Load(string? overridePath = null)
    {
        var phrases = PhraseFile.Load(typeof(BotPhrases).Assembly, ResourceName, overridePath);
        var blank = BlankKeys(phrases, "").ToList();
        if (blank.Count > 0)
        {
            throw new InvalidDataException("Bot phrases must not be empty: " + string.Join(", ", blank));
        }

        var loaded = phrases.Deserialize<BotPhrases>(Json) ?? throw new InvalidDataException("The bot phrases file is empty.");
        return loaded.DayNames.Count == 7 ? loaded : throw new InvalidDataException("dayNames must list seven days, Sunday first.");
    }

    /// <summary>The template with each {name} replaced by its value.</summary>
    public static string Fill(string template, params (string Name, string Value)[] values)
    {
        var text = template;
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    private static IEnumerable<string> BlankKeys(JsonNode? node, string path) => node switch
    {
        JsonObject obj => obj.SelectMany(p => BlankKeys(p.Value, path.Length == 0 ? p.Key : path + "." + p.Key)),
        JsonArray array => array.Count == 0 ? [path] : array.SelectMany((n, i) => BlankKeys(n, $"{path}[{i}]")),
        JsonValue value when value.TryGetValue<string>(out var text) => string.IsNullOrWhiteSpace(text) ? [path] : [],
        null => [path],
        _ => [],
    };
}
