using System.Text.RegularExpressions;
using Assistant.Dialogs.Privacy;
using Assistant.Knowledge.Analysis;

namespace Assistant.Bot.Host.Staff.Inbox;

/// <summary>
/// The KB takes a citizen's words, never the tokens that mask their data nor the words that only introduced them:
/// «запись к терапевту, мой телефон [телефон]» is attached as «запись к терапевту».
/// </summary>
public static partial class InboxPhrasing
{
    /// <summary>Words that lead up to the data itself («мой», «вот», «звоните»): a run of cue words starting with one goes with the token.</summary>
    private static readonly HashSet<string> Leads = new(StringComparer.Ordinal)
    {
        "мой", "моя", "мое", "мои", "моего", "моей", "мне", "меня", "наш", "наша", "вот", "это", "контактный", "контактная",
        "звоните", "позвоните", "перезвоните", "звонить", "пишите", "напишите", "писать", "связь", "связи", "для", "по", "на",
    };

    /// <summary>What the data is called: «телефон», «снилс», «почта», «зовут»…</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "номер", "номера", "номеру", "телефон", "телефона", "телефону", "тел", "сотовый", "мобильный", "мобильного",
        "почта", "почту", "почты", "email", "e-mail", "емейл", "имейл", "емэйл", "электронка", "адрес", "адреса", "адресу",
        "снилс", "паспорт", "паспорта", "серия", "полис", "полиса", "омс", "карта", "карты", "карточка", "дата", "рождения", "др",
        "зовут", "имя", "фамилия", "фио", "проживаю", "живу",
    };

    /// <summary>The citizen's phrasing as it goes into the KB: no masking token, no cue words left of it, tidy spaces and punctuation.</summary>
    public static string Of(string text)
    {
        foreach (var token in PersonalDataMasker.Tokens.Values)
        {
            int at;
            while ((at = text.IndexOf(token, StringComparison.Ordinal)) >= 0)
            {
                var from = CueStart(text, at);
                text = string.Concat(text.AsSpan(0, from), " ", text.AsSpan(at + token.Length));
            }
        }

        var words = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        words = SpaceBeforePunctuation().Replace(words, "$1");
        words = RepeatedPunctuation().Replace(words, "$1");
        return words.Trim(',', ';', ':', ' ', '—', '–', '-');
    }

    /// <summary>
    /// What two phrasings are compared by: the words only, in lower case, «ё» as «е» (the search's own normalisation), so
    /// «Как получить полис ОМС?» is the same phrasing as «как получить полис омс».
    /// </summary>
    public static string Key(string text) => string.Join(' ', Tokenizer.Split(TextNormalizer.Normalize(text)));

    /// <summary>
    /// Where the cue words before a token start: walking left over «телефон», «мой», «звоните»… The run goes when it begins
    /// with a lead word («мой телефон», «звоните») or stands alone after a comma or at the start («…, телефон [телефон]»);
    /// «поменять полис [полис ОМС]» keeps «полис», a word of the question.
    /// </summary>
    private static int CueStart(string text, int tokenAt)
    {
        var words = Word().Matches(text[..tokenAt]);
        var start = tokenAt;
        var leadStart = -1;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var word = words[i];
            var gap = text[(word.Index + word.Length)..start];
            if (gap.Any(c => c is not (' ' or ':' or '-' or '–' or '—' or '\t')))
            {
                break;
            }

            var normal = TextNormalizer.Normalize(word.Value).Trim('.');
            if (Leads.Contains(normal))
            {
                leadStart = word.Index;
            }
            else if (!Names.Contains(normal))
            {
                break;
            }

            start = word.Index;
        }

        if (leadStart >= 0)
        {
            return leadStart;
        }

        // No lead word: the names go only when nothing of the question stands right before them.
        var before = text[..start].TrimEnd();
        return before.Length == 0 || before[^1] is ',' or ';' or ':' or '.' or '!' or '?' or '(' ? start : tokenAt;
    }

    /// <summary>
    /// The phrasings a new article starts from, carried in the editor's address: at most 20, none with a long number (they
    /// never go into the KB), and no more than 1,000 characters in all, so the address stays within what a server takes
    /// (8 KB, and a Cyrillic letter is 6 bytes of an address).
    /// </summary>
    public static IReadOnlyList<string> ForNewArticle(IEnumerable<string> texts)
    {
        var phrasings = new List<string>();
        var length = 0;
        foreach (var phrasing in texts.Select(Of).Where(t => t.Length is > 0 and <= 300 && !HasLongNumber(t)).Distinct().Take(20))
        {
            if (length + phrasing.Length > 1_000)
            {
                break;
            }

            phrasings.Add(phrasing);
            length += phrasing.Length + 1;
        }

        return phrasings;
    }

    /// <summary>
    /// Seven digits or more in a row, by spaces, hyphens or brackets («332-11-22», «4510 123456»; not a date's dots): a number
    /// of a person's that the masking did not recognise. Such a phrasing never goes into the KB, where every moderator, export and search index would keep it.
    /// </summary>
    public static bool HasLongNumber(string phrasing) => LongNumber().IsMatch(phrasing);

    [GeneratedRegex(@"\d(?:[ \-()]{0,2}\d){6}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-\.]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+([,;:.!?)])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"([,;:])(?:\s*[,;:])+")]
    private static partial Regex RepeatedPunctuation();
}
