namespace Assistant.Dialogs.Templates;

/// <summary>
/// What a person may type instead of pressing a button. Operator requests and "вопрос решён" are found anywhere in a message
/// (each word of the phrase as the start of a word, so "оператор" matches "оператором"); the others must be the whole message.
/// </summary>
public sealed record RecognisedPhrases
{
    public required IReadOnlyList<string> Operator { get; init; }
    public required IReadOnlyList<string> Resolved { get; init; }
    public required IReadOnlyList<string> Helped { get; init; }
    public required IReadOnlyList<string> NotHelped { get; init; }
    public required IReadOnlyList<string> WriteRequest { get; init; }
    public required IReadOnlyList<string> Cancel { get; init; }

    /// <summary>
    /// Requests for a diagnosis, a medicine or a dose, and symptoms, found anywhere in a message like operator requests. Only read
    /// when the KB has no answer: such a message then gets <see cref="BotPhrases.MedicalAdvice"/> instead of the plain «нет ответа».
    /// </summary>
    public required IReadOnlyList<string> MedicalAdvice { get; init; }

    /// <summary>
    /// An acute emergency described (found anywhere in a message like operator requests): <see cref="BotPhrases.Emergency"/> is
    /// said first, whatever else the turn does. Phrases of danger now («не дышит», «потерял сознание»), not of an illness someone
    /// has had («перенёс инфаркт»).
    /// </summary>
    public required IReadOnlyList<string> Emergency { get; init; }

    /// <summary>Thoughts of suicide or self-harm described: <see cref="BotPhrases.Crisis"/> is said first.</summary>
    public required IReadOnlyList<string> Crisis { get; init; }

    /// <summary>
    /// For an emergency or crisis phrase ending in the key word, the words that, right after it in the same clause, show it means
    /// something else: «не хочет жить» + «в доме престарелых», «не дышит» + «носом».
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> NotUrgentAfter { get; init; }
}
