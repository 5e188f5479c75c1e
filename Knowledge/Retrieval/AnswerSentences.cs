using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Retrieval;

/// <summary>The sentences of an answer, each searched like one more phrasing of its article (see RetrievalOptions.AnswerSentenceWeight).</summary>
internal static partial class AnswerSentences
{
    public static IEnumerable<string> Of(string answer) =>
        Boundary().Split(answer).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>
    /// Whole sentences, to be quoted to a citizen: split only where a sentence ends and the next begins with a capital letter or a
    /// digit (so «и др.» and «т. д.» stay inside), or at a line break.
    /// </summary>
    public static IEnumerable<string> Whole(string answer) =>
        SentenceEnd().Split(answer).Select(s => s.Trim()).Where(s => s.Length > 0);

    // After . ! ? ; : followed by space, or at a line break: the answer is short Markdown, so this is close enough.
    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[«""(*]*[А-ЯЁA-Z0-9])|\n+")]
    private static partial Regex SentenceEnd();
}
