namespace Assistant.Evals.Dialogs;

/// <summary>
/// The figures of one dialogs set. Fractions are of judged turns (turns whose expectation is not <c>any</c>).
/// <see cref="ContextFreeRight"/> and <see cref="ContextFreeWrong"/> are the same turns searched one by one, with no conversation.
/// </summary>
public sealed record DialogReport(
    string Set,
    int Dialogs,
    int JudgedTurns,
    int Right,
    int ClarifyHeldRight,
    int WrongAnswers,
    int NoAnswer,
    int ContextFreeRight,
    int ContextFreeWrong)
{
    public double RightShare => Share(Right);

    public double ClarifyHeldShare => Share(ClarifyHeldRight);

    public double WrongShare => Share(WrongAnswers);

    public double ContextFreeRightShare => Share(ContextFreeRight);

    public double ContextFreeWrongShare => Share(ContextFreeWrong);

    private double Share(int count) => JudgedTurns == 0 ? 0 : (double)count / JudgedTurns;
}

/// <summary>A judged turn the bot did not get right, for reading misses (<c>--misses</c>).</summary>
public sealed record DialogMiss(string DialogId, int Turn, string User, string Expected, BotMove Move, string? ArticleId, IReadOnlyList<string> Offered, string Reply);

/// <summary>
/// Every judged turn (<c>--turns</c>), right or not, with what the same message alone got: the decision and the first articles
/// of a context-free search. For reading what context does, turn by turn.
/// </summary>
public sealed record DialogTurn(
    string DialogId,
    int Turn,
    string User,
    string Expected,
    bool Right,
    BotMove Move,
    string? ArticleId,
    IReadOnlyList<string> Offered,
    string Reply,
    string AloneDecision,
    IReadOnlyList<string> AloneTop);
