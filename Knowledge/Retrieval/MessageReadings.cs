using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Retrieval;

/// <summary>
/// A long message read for its main request: besides the whole text, each sentence, and for a run-on sentence (voice typing, no
/// punctuation) overlapping windows of words, is searched on its own. A story with personal details around one question then
/// matches as well as the question alone would, and a message with two questions yields a reading for each.
/// </summary>
internal static partial class MessageReadings
{
    /// <summary>Messages of up to this many words are read whole only.</summary>
    public const int ShortMessageWords = 12;

    private const int WindowWords = 9;
    private const int WindowStep = 4;
    private const int MaxReadings = 12;

    /// <summary>The parts worth searching on their own (the whole message is not among them); empty for a short message.</summary>
    public static IReadOnlyList<string> PartsOf(string text)
    {
        var words = Words().Matches(text).Count;
        if (words <= ShortMessageWords)
        {
            return [];
        }

        var parts = new List<string>();
        foreach (var sentence in Boundary().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var tokens = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length <= WindowWords + WindowStep)
            {
                parts.Add(sentence);
                continue;
            }

            for (var start = 0; start < tokens.Length; start += WindowStep)
            {
                var end = Math.Min(tokens.Length, start + WindowWords);
                parts.Add(string.Join(' ', tokens[start..end]));
                if (end == tokens.Length)
                {
                    break;
                }
            }
        }

        // Only parts that differ from the whole: a one-sentence message needs no second reading.
        return parts.Count > 1 ? parts.Take(MaxReadings).ToList() : [];
    }

    /// <summary>
    /// The questions of a short message that asks two or more, split where one question ends («…? …») or a conjunction opens
    /// the next («… и где …», «… а также сколько …»); empty when it asks one. Each question keeps at least two words.
    /// </summary>
    public static IReadOnlyList<string> QuestionsOf(string text)
    {
        var questions = QuestionBoundary().Split(text).Select(q => q.Trim()).Where(q => Words().Matches(q).Count >= 2).ToList();
        return questions.Count > 1 ? questions.Take(MaxReadings).ToList() : [];
    }

    [GeneratedRegex(@"(?<=\?)\s+|[,;]?\s+(?:и|а также|а ещё|а еще|и ещё|и еще|также|плюс)\s+(?=(?:как|где|куда|когда|сколько|что|можно|нужно|надо|какие|какой|какая|каким|почему|зачем|кто|чем|нужен|нужна|положен|положена|положено)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionBoundary();

    [GeneratedRegex(@"(?<=[.!?;])\s+|\n+|\s+(?:а также|а ещё|а еще|и ещё|и еще|кроме того|также)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();
}
