using Assistant.Knowledge.Analysis;
using Assistant.Knowledge.Retrieval.Calibration;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// A message after an answer may lean on it: «а для ребёнка?», «а где его взять?», «а если нет прописки?». It is searched twice,
/// on its own and with the previous question's terms added at a lower weight, and the calibrated decision of each reading
/// competes: a message that is a whole question about something else wins on its own, a fragment wins with its context.
/// The previous topic is a prior carried by those terms, never a filter.
/// </summary>
internal static class ContextDecider
{
    /// <summary>
    /// Words that open a continuation in Russian («а …», «и …», «а если …»). A message opening with one refers back to the last
    /// answer, so asking it again in the same words is a follow-up, not a repeated question.
    /// </summary>
    private static readonly HashSet<string> ContinuationWords = new(StringComparer.Ordinal) { "а", "и", "но", "тогда", "еще", "ещё", "также", "так" };

    /// <summary>
    /// Words that, right after opening particles («а», «и», «вот», «но») or first, announce one more question rather than continue
    /// the last one: «а ещё у меня зубов не осталось, что положено?», «и ещё, где заявить отказ…», «ещё вопрос: …», «кстати, …».
    /// Such an opener does not make the message refer back; a pronoun («а ещё где его взять?») or too few words still do.
    /// («а также …» usually goes on with the same topic, so it stays a continuation.)
    /// </summary>
    private static readonly HashSet<string> AdditiveWords = new(StringComparer.Ordinal) { "еще", "ещё", "кстати" };

    private static readonly HashSet<string> OpeningParticles = new(StringComparer.Ordinal) { "а", "и", "вот", "но" };

    public static async Task<(Ranking Ranking, Verdict Verdict, bool FollowsUp)> DecideAsync(
        string rawText,
        AnalyzedText message,
        Ranking alone,
        Verdict aloneVerdict,
        AnalyzedText previous,
        string? lifeSituation,
        Func<AnalyzedText, Task<Ranking>> rank,
        DecisionCalibration? calibration,
        RetrievalOptions settings)
    {
        var refersBack = RefersBack(rawText, message);
        if (aloneVerdict.Decision == Decision.Answer && !refersBack)
        {
            // A whole question, answered on its own: the context could only pull it back to the previous topic.
            return (alone, aloneVerdict, false);
        }

        var merged = WithContext(message, previous, settings.ContextWeight);
        if (merged.Terms.Count == message.Terms.Count)
        {
            // The previous question adds no term the message lacks: there is nothing to read it with.
            return (alone, aloneVerdict, false);
        }

        var withContext = await rank(merged);
        var contextVerdict = AnswerDecider.Decide(withContext, calibration, settings);
        var useContext = (aloneVerdict.Decision, contextVerdict.Decision) switch
        {
            (Decision.Answer, Decision.Answer) when aloneVerdict.Chosen[0].ArticleId == contextVerdict.Chosen[0].ArticleId => false,
            (Decision.Answer, Decision.Answer) => true,

            // A fragment answered alone with something of another topic («а через госуслуги?» and an article about Госуслуги)
            // is more likely about the topic at hand: ask among that topic's articles instead.
            (Decision.Answer, Decision.Clarify) => refersBack && aloneVerdict.Chosen[0].LifeSituation != lifeSituation
                && contextVerdict.Chosen.Any(c => c.LifeSituation == lifeSituation),
            (Decision.Answer, _) => false,
            (_, Decision.Answer) => true,
            (_, Decision.Clarify) => refersBack,
            _ => false,
        };
        return useContext
            ? (withContext, contextVerdict with { Reason = contextVerdict.Reason + "; read with the previous question" }, true)
            : (alone, aloneVerdict, false);
    }

    /// <summary>
    /// Whether the message reads as a continuation: it opens with «а», «и» and the like, points back with a pronoun («а где его
    /// взять?»), or is too short to be a question of its own.
    /// </summary>
    public static bool RefersBack(string text, AnalyzedText message) =>
        message.Terms.Count <= 2
        || (OpensAsContinuation(text) && !OpensWithAnotherQuestion(text))
        || text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(w => Anaphora.Contains(w.ToLowerInvariant()));

    /// <summary>True when the message opens by announcing one more question («а ещё …», «и ещё, …», «ещё вопрос: …», «кстати …»).</summary>
    public static bool OpensWithAnotherQuestion(string text)
    {
        foreach (var word in text.Split(Separators, 5, StringSplitOptions.RemoveEmptyEntries).Take(4))
        {
            var lower = word.ToLowerInvariant();
            if (AdditiveWords.Contains(lower))
            {
                return true;
            }

            if (!OpeningParticles.Contains(lower))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly char[] Separators = [' ', ',', '.', '!', '?', '…', ';', ':', '-', '—', '(', ')', '"', '«', '»', '\n', '\t'];

    /// <summary>Pronouns that point back at what was just talked about.</summary>
    private static readonly HashSet<string> Anaphora = new(StringComparer.Ordinal)
    {
        "он", "она", "оно", "они", "его", "её", "ее", "их", "него", "неё", "нее", "них", "ему", "ей", "им", "нему", "ней", "ним",
        "этот", "эта", "эту", "этого", "этой", "этим", "этих", "эти", "туда", "там", "оттуда",
    };

    /// <summary>True when the message opens with a word that continues what was said before.</summary>
    public static bool OpensAsContinuation(string text)
    {
        var first = text.TrimStart().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && ContinuationWords.Contains(first.Trim(',', '.', '!', '?', '…').ToLowerInvariant());
    }

    /// <summary>The message's terms, then the previous question's other terms at <paramref name="weight"/> of their own weight.</summary>
    internal static AnalyzedText WithContext(AnalyzedText message, AnalyzedText previous, float weight)
    {
        var own = message.Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var terms = message.Terms.Concat(previous.Terms.Where(t => !own.Contains(t.Term)).Select(t => t with { Weight = t.Weight * weight })).ToList();
        return new AnalyzedText(previous.CleanText + " " + message.CleanText, terms, [.. previous.Stems, .. message.Stems], message.Corrections);
    }
}
