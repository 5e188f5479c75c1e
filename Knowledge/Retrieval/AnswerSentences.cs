using System.Text.RegularExpressions;

namespace Assistant.Knowledge.Retrieval;

/// <summary>The sentences of an answer, each searched like one more phrasing of its article (see RetrievalOptions.AnswerSentenceWeight).</summary>
internal static partial class AnswerSentences
{
    public static IEnumerable<string> Of(string answer) =>
        Boundary().Split(answer).Select(s => s.Trim()).Where(s => s.Length > 0);

    // After . ! ? ; : followed by space, or at a line break: the answer is short Markdown, so this is close enough.
    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+")]
    private static partial Regex Boundary();
}
