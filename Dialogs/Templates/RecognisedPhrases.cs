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
    /// <summary>
    /// A request to write to the ministry in the chat («написать обращение», «хочу подать обращение»): the whole message, made
    /// of these phrases and <see cref="WriteRequestFillers"/>, as <see cref="NotHelped"/>. With any other word («как написать
    /// обращение в Минздрав по почте») it is a question for the KB.
    /// </summary>
    public required IReadOnlyList<string> WriteRequest { get; init; }

    /// <summary>Words that may stand around a <see cref="WriteRequest"/> phrase («хочу», «как», «в чате»).</summary>
    public IReadOnlyList<string> WriteRequestFillers { get; init; } = [];

    /// <summary>«Отмена» typed instead of the button: the whole message, everywhere.</summary>
    public required IReadOnlyList<string> Cancel { get; init; }

    /// <summary>
    /// While a written request is being taken, more ways to say «не надо» («нет, не нужно», «передумал», «отменить обращение»):
    /// the whole message, made of these phrases and <see cref="CancelRequestFillers"/>. Only there: elsewhere «не нужно» is part
    /// of a question.
    /// </summary>
    public IReadOnlyList<string> CancelRequest { get; init; } = [];

    /// <summary>Words that may stand around a <see cref="CancelRequest"/> phrase.</summary>
    public IReadOnlyList<string> CancelRequestFillers { get; init; } = [];

    /// <summary>
    /// A message that is only a request for a person in one word («оператор», «специалист», «консультант»), with the fillers of
    /// a request for one around it; a typo of one letter in a word of seven or more letters is read through («аператор»).
    /// </summary>
    public IReadOnlyList<string> PersonWords { get; init; } = [];

    /// <summary>
    /// Requests for a person in a few words («хочу поговорить со специалистом», «соедините с сотрудником»): the whole message,
    /// with the fillers of a request for one. Unlike <see cref="Operator"/> not found inside a longer message: «как связаться
    /// со специалистом страховой компании» is a question for the KB.
    /// </summary>
    public IReadOnlyList<string> PersonRequests { get; init; } = [];

    /// <summary>
    /// Word beginnings of a complaint («жалоб», «нагрубил», «хамит»): a message that names an operator and complains about one
    /// («оператор в регистратуре нагрубил, куда жаловаться») is a question for the KB, not a request for a person.
    /// </summary>
    public IReadOnlyList<string> Complaint { get; init; } = [];

    /// <summary>
    /// Choosing from a «Возможно, вы имели в виду» list by typing the number of a choice: the words for the first, second, …
    /// choice («первое», «второй»; a digit is read as such), alone or with <see cref="OptionFillers"/> («вариант 2»). The
    /// number after the last article is «Другое — передать специалисту».
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Options { get; init; } = [];

    /// <summary>«Другое» typed after a list: none of the articles, a person (the list's last button).</summary>
    public IReadOnlyList<string> OptionOther { get; init; } = [];

    /// <summary>«Последний» typed after a list: its last article.</summary>
    public IReadOnlyList<string> OptionLast { get; init; } = [];

    /// <summary>Words that may stand around the number of a choice.</summary>
    public IReadOnlyList<string> OptionFillers { get; init; } = [];

    /// <summary>
    /// The 1–5 rating typed in words after the rating prompt («отлично», «пять», «на троечку»): for each score from 1 to 5, its
    /// words. With <see cref="ScoreFillers"/> around them or a digit («5 звёзд», «ставлю 4», «5 из 5»).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Scores { get; init; } = [];

    /// <summary>Words that may stand around a score.</summary>
    public IReadOnlyList<string> ScoreFillers { get; init; } = [];

    /// <summary>
    /// Question words («как», «где», «можно»): after the rating, a message holding one that the KB answers confidently is the
    /// next question, not the rating's comment, even without a «?» («а больничный как открыть»).
    /// </summary>
    public IReadOnlyList<string> QuestionWords { get; init; } = [];

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
