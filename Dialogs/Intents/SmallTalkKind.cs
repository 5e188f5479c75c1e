namespace Assistant.Dialogs.Intents;

/// <summary>The kinds of small talk the bot answers without searching the KB.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Goodbye,
    WhoAreYou,
    Abilities,
    Acknowledge,

    /// <summary>«У меня вопрос», «подскажите»: the question is still to come.</summary>
    Preamble,
    Abuse,
}
