namespace Assistant.Dialogs.Templates;

/// <summary>
/// What a person may type instead of pressing a button. Operator requests and "вопрос решён" are found anywhere in a message
/// (each word of the phrase as the start of a word, so "оператор" matches "оператором"); «не помогло» is said in many words
/// (see <see cref="NotHelped"/>); the others must be the whole message.
/// </summary>
public sealed record RecognisedPhrases
{
    public required IReadOnlyList<string> Operator { get; init; }
    public required IReadOnlyList<string> Resolved { get; init; }
    public required IReadOnlyList<string> Helped { get; init; }
    /// <summary>
    /// «Не помогло» said in words («ничего не понятно», «вы не ответили на мой вопрос», «это не то, что я спрашивала»): a message
    /// of at most eight words made of these phrases (word for word, so each form is listed) and filler words (small talk's and
    /// <see cref="NotHelpedFillers"/>). Any other word and it is a question for the KB («мне не помогло лекарство от давления»).
    /// </summary>
    public required IReadOnlyList<string> NotHelped { get; init; }

    /// <summary>
    /// «Алло», «есть кто?», «долго ещё?» written while waiting in the queue: the citizen checks that someone is there and is
    /// told the question is with a specialist. The whole message (with small talk's fillers), as <see cref="NotHelped"/>.
    /// </summary>
    public IReadOnlyList<string> StillThere { get; init; } = [];

    /// <summary>Words that may stand around a <see cref="NotHelped"/> phrase without making the message a question.</summary>
    public IReadOnlyList<string> NotHelpedFillers { get; init; } = [];
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
