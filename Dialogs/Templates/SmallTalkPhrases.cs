namespace Assistant.Dialogs.Templates;

/// <summary>
/// Small talk: what people say that is not a question (greeting, thanks, «кто ты?», «ок», rudeness) and the bot's short reply.
/// A message is small talk only when every word is one of these phrases or a filler word; anything more is a question.
/// </summary>
public sealed record SmallTalkPhrases
{
    public required SmallTalkTopic Greeting { get; init; }
    public required SmallTalkTopic Thanks { get; init; }
    public required SmallTalkTopic Goodbye { get; init; }
    public required SmallTalkTopic WhoAreYou { get; init; }
    public required SmallTalkTopic Abilities { get; init; }
    public required SmallTalkTopic Acknowledge { get; init; }

    /// <summary>«У меня вопрос», «можно спросить?», «подскажите»: an invitation to ask, not a search that finds nothing.</summary>
    public required SmallTalkTopic Preamble { get; init; }

    /// <summary>Word beginnings («туп» for «тупой», «тупица»), not whole words: rudeness comes in many endings.</summary>
    public required AbuseTopic Abuse { get; init; }

    /// <summary>Words that may stand around small talk without making it a question («спасибо вам большое»).</summary>
    public required IReadOnlyList<string> Fillers { get; init; }
}

/// <summary>The phrases that make a topic (each matched as whole words) and the reply.</summary>
public sealed record SmallTalkTopic
{
    public required IReadOnlyList<string> Recognise { get; init; }

    /// <summary>Emoji that say the same on their own (👍 for «ок», 🙏 for «спасибо»), in any skin tone, once or repeated.</summary>
    public IReadOnlyList<string> Emoji { get; init; } = [];

    public required string Reply { get; init; }
}

/// <summary>Rudeness: a calm reply, and from the second time in a conversation an offer of a person.</summary>
public sealed record AbuseTopic
{
    public required IReadOnlyList<string> Recognise { get; init; }
    public required string Reply { get; init; }
    public required string RepeatedReply { get; init; }
}
