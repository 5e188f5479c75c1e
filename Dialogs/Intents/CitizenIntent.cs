namespace Assistant.Dialogs.Intents;

/// <summary>What a person asked the engine to do, apart from asking a question.</summary>
public enum CitizenIntent
{
    /// <summary>A question or free text.</summary>
    None,
    Helped,
    NotHelped,
    Operator,
    WriteRequest,
    Resolved,
    Cancel,
    ChooseArticle,
    Rate,

    /// <summary>Not a question: a greeting, thanks, «кто ты?», «ок», rudeness (see <see cref="SmallTalkKind"/>).</summary>
    SmallTalk,
}
