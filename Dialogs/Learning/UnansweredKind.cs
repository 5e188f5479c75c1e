namespace Assistant.Dialogs.Learning;

/// <summary>Why a citizen's question went to the moderators' inbox: the bot did not answer it well, or a person had to.</summary>
public enum UnansweredKind
{
    /// <summary>The bot said it had no answer.</summary>
    Fallback,

    /// <summary>The citizen pressed «Не помогло» after an answer.</summary>
    NotHelped,

    /// <summary>The conversation was rated 1 or 2.</summary>
    LowRating,

    /// <summary>The bot asked which article was meant and the citizen chose none of them.</summary>
    ClarifyIgnored,

    /// <summary>An operator answered the question with a KB article: the KB had it, the bot did not find it.</summary>
    OperatorTemplate,

    /// <summary>
    /// Not a miss but a suggestion: the citizen chose this article from a clarify list (and did not say it did not help), so the
    /// phrasing probably belongs to it. A moderator approves or rejects; nothing is added without a person.
    /// </summary>
    CitizenChoice,
}

public enum UnansweredStatus
{
    Open,

    /// <summary>A moderator attached the phrasing to an article.</summary>
    Attached,

    /// <summary>«Не относится к нам».</summary>
    Dismissed,
}
