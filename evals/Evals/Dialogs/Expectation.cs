namespace Assistant.Evals.Dialogs;

/// <summary>What a turn should get: any of some articles, or one of the bot's other moves; <c>any</c> is context only.</summary>
public sealed record Expectation(IReadOnlySet<string> Articles, IReadOnlySet<BotMove> Moves, bool IsJudged)
{
    public const string AnyLabel = "any";

    private static readonly Dictionary<string, BotMove> Labels = new(StringComparer.Ordinal)
    {
        ["handoff"] = BotMove.Handoff,
        ["fallback"] = BotMove.Fallback,
        ["greeting"] = BotMove.Greeting,
        ["smalltalk"] = BotMove.SmallTalk,
    };

    public bool ExpectsArticle => Articles.Count > 0;

    /// <summary>Alternatives joined by <c>|</c>: article ids and the labels handoff, fallback, greeting, smalltalk, any.</summary>
    public static Expectation Parse(string text)
    {
        var parts = text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("\"expect\" is empty");
        }

        if (parts.Contains(AnyLabel))
        {
            return new Expectation(new HashSet<string>(), new HashSet<BotMove>(), false);
        }

        var articles = new HashSet<string>(StringComparer.Ordinal);
        var moves = new HashSet<BotMove>();
        foreach (var part in parts)
        {
            if (Labels.TryGetValue(part, out var move))
            {
                moves.Add(move);
            }
            else
            {
                articles.Add(part);
            }
        }

        return new Expectation(articles, moves, true);
    }

    /// <summary>
    /// Right when the bot answered with an expected article or made an expected move. «Нет ответа» is also right when the bot,
    /// having no answer, passed the citizen to a person (after repeated fallbacks it does so at once).
    /// </summary>
    public bool IsMet(PlayedTurn turn) => turn.Move switch
    {
        BotMove.Answer => Articles.Contains(turn.ArticleId!),
        BotMove.Handoff => Moves.Contains(BotMove.Handoff) || (Moves.Contains(BotMove.Fallback) && turn.ArticleId is null),
        BotMove.Clarify => false,
        var move => Moves.Contains(move),
    };
}

/// <summary>What the bot did on a turn, judged by the messages it delivered to the citizen.</summary>
public enum BotMove
{
    Answer,
    Clarify,
    Handoff,
    Fallback,
    Greeting,
    SmallTalk,

    /// <summary>Anything else: a notice, a rating prompt, silence.</summary>
    Other,
}

/// <summary>One played turn: the move, the article answered (or handed over for), and the articles a clarifying question offered.</summary>
public sealed record PlayedTurn(BotMove Move, string? ArticleId, IReadOnlyList<string> Offered, string Reply);
