using Assistant.Dialogs.Engine;
using Assistant.Dialogs.Templates;
using Assistant.Knowledge.Retrieval;

namespace Assistant.Evals.Dialogs;

/// <summary>
/// <c>eval --dialogs</c>: plays every dialog through the engine, judges each turn against its expectation, and asks the same
/// turns once more one by one with no conversation, so what context adds (and costs in wrong answers) is visible side by side.
/// </summary>
public static class DialogEval
{
    /// <summary>A Tuesday at 10:00 Moscow time, inside the default operator hours, so a handover reaches the queue.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(3));

    public static async Task<(DialogReport Report, IReadOnlyList<DialogMiss> Misses, IReadOnlyList<DialogTurn> Turns)> RunAsync(
        string set, IReadOnlyList<EvalDialog> dialogs, KnowledgeService knowledge, BotPhrases phrases, DialogOptions options, CancellationToken cancellationToken)
    {
        var unknown = dialogs.SelectMany(d => d.Turns).SelectMany(t => t.Expect.Articles).Where(id => knowledge.FindArticle(id) is null).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"{set}: the KB has no article " + string.Join(", ", unknown.Select(id => $"\"{id}\"")));
        }

        await using var player = new DialogPlayer(knowledge, phrases, options, Start);
        int judged = 0, right = 0, held = 0, wrong = 0, noAnswer = 0, freeRight = 0, freeWrong = 0;
        var misses = new List<DialogMiss>();
        var judgedTurns = new List<DialogTurn>();
        foreach (var dialog in dialogs)
        {
            var played = await player.PlayAsync(dialog, cancellationToken);
            for (var i = 0; i < dialog.Turns.Count; i++)
            {
                var (turn, got) = (dialog.Turns[i], played[i]);
                if (!turn.Expect.IsJudged)
                {
                    continue;
                }

                judged++;
                var isRight = turn.Expect.IsMet(got);
                right += isRight ? 1 : 0;
                held += got.Move == BotMove.Clarify && got.Offered.Any(turn.Expect.Articles.Contains) ? 1 : 0;
                wrong += got.Move == BotMove.Answer && !isRight ? 1 : 0;
                noAnswer += turn.Expect.ExpectsArticle && got.Move is BotMove.Fallback or BotMove.Handoff && !isRight ? 1 : 0;
                var expected = string.Join('|', turn.Expect.Articles.Concat(turn.Expect.Moves.Select(m => m.ToString().ToLowerInvariant())));
                if (!isRight)
                {
                    misses.Add(new DialogMiss(dialog.Id, i + 1, turn.User, expected, got.Move, got.ArticleId, got.Offered, got.Reply));
                }

                var alone = await knowledge.AskAsync(new AskRequest(turn.User), cancellationToken);
                judgedTurns.Add(new DialogTurn(dialog.Id, i + 1, turn.User, expected, isRight, got.Move, got.ArticleId, got.Offered, got.Reply,
                    alone.Decision.ToString().ToLowerInvariant(), [.. alone.Candidates.Take(3).Select(c => c.ArticleId)]));
                var answered = alone.Decision == Decision.Answer ? alone.Chosen[0].ArticleId : null;
                if (answered is not null)
                {
                    freeRight += turn.Expect.Articles.Contains(answered) ? 1 : 0;
                    freeWrong += turn.Expect.Articles.Contains(answered) ? 0 : 1;
                }
                else if (alone.Decision == Decision.Fallback && turn.Expect.Moves.Contains(BotMove.Fallback))
                {
                    freeRight++;
                }
            }
        }

        return (new DialogReport(set, dialogs.Count, judged, right, held, wrong, noAnswer, freeRight, freeWrong), misses, judgedTurns);
    }

    public const string Header = "set                        dialogs judged |  right  held  wrong noAns | context-free: right  wrong";

    public static string Row(DialogReport r) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{r.Set,-26} {r.Dialogs,7} {r.JudgedTurns,6} | {r.RightShare,6:0.000} {r.ClarifyHeldShare,5:0.000} {r.WrongShare,6:0.000} {r.NoAnswer,5} |               {r.ContextFreeRightShare,5:0.000} {r.ContextFreeWrongShare,6:0.000}");
}
