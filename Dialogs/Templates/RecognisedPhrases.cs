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
}
