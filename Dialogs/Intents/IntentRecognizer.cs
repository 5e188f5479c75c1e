using System.Text;
using Assistant.Dialogs.Activities;
using Assistant.Dialogs.Templates;

namespace Assistant.Dialogs.Intents;

/// <summary>Reads button payloads, native ratings and the phrases of <see cref="RecognisedPhrases"/> typed instead of a button.</summary>
public sealed partial class IntentRecognizer
{
    private readonly IReadOnlyList<string[]> _operator;
    private readonly IReadOnlyList<string[]> _resolved;
    private readonly HashSet<string> _helped;
    private readonly IReadOnlyList<string[]> _notHelped;
    private readonly IReadOnlyList<string[]> _stillThere;
    private readonly HashSet<string> _smallTalkFillers;
    private readonly HashSet<string> _personRequestFillers;
    private readonly HashSet<string> _notHelpedFillers;
    private readonly IReadOnlyList<string[]> _writeRequest;
    private readonly HashSet<string> _writeRequestFillers;
    private readonly HashSet<string> _cancel;
    private readonly IReadOnlyList<string[]> _cancelRequest;
    private readonly HashSet<string> _cancelRequestFillers;
    private readonly string[] _personWords;
    private readonly IReadOnlyList<string[]> _personRequests;
    private readonly string[] _complaint;
    private readonly HashSet<string> _bareRequestFillers;
    private readonly Dictionary<string, int> _options;
    private readonly HashSet<string> _optionFillers;
    private readonly IReadOnlyList<string[]> _optionOther;
    private readonly IReadOnlyList<string[]> _optionLast;
    private readonly Dictionary<string, int> _scores;
    private readonly HashSet<string> _scoreFillers;
    private readonly HashSet<string> _questionWords;
    private readonly IReadOnlyList<string[]> _medicalAdvice;
    private readonly IReadOnlyList<string[]> _emergency;
    private readonly IReadOnlyList<string[]> _crisis;
    private readonly Dictionary<string, HashSet<string>> _notUrgentAfter;
    private readonly SmallTalkRecognizer _smallTalk;

    public IntentRecognizer(BotPhrases phrases)
    {
        var recognise = phrases.Recognise;
        var buttons = phrases.Buttons;
        _operator = [.. recognise.Operator.Append(buttons.Operator).Append(buttons.Other).Select(Words)];
        _resolved = [.. recognise.Resolved.Append(buttons.Resolved).Select(Words)];
        _helped = Exact(recognise.Helped.Append(buttons.Helped));
        _notHelped = [.. recognise.NotHelped.Append(buttons.NotHelped).Select(Words).Where(w => w.Length > 0)];
        _notHelpedFillers = [.. recognise.NotHelpedFillers.Concat(phrases.SmallTalk.Fillers).SelectMany(Words)];
        _stillThere = [.. recognise.StillThere.Select(Words).Where(w => w.Length > 0)];
        _smallTalkFillers = [.. phrases.SmallTalk.Fillers.SelectMany(Words)];
        _personRequestFillers = [.. _smallTalkFillers, .. PersonRequestWords];
        _writeRequest = [.. recognise.WriteRequest.Append(buttons.WriteRequest).Select(Words).Where(w => w.Length > 0)];
        _writeRequestFillers = [.. recognise.WriteRequestFillers.SelectMany(Words)];
        _cancel = Exact(recognise.Cancel.Append(buttons.Cancel));
        _cancelRequest = [.. recognise.CancelRequest.Concat(recognise.Cancel).Append(buttons.Cancel).Select(Words).Where(w => w.Length > 0)];
        _cancelRequestFillers = [.. recognise.CancelRequestFillers.SelectMany(Words)];
        _personWords = [.. recognise.PersonWords.SelectMany(Words)];
        _personRequests = [.. recognise.PersonRequests.Select(Words).Where(w => w.Length > 0)];
        _complaint = [.. recognise.Complaint.SelectMany(Words)];
        // «какой специалист мне нужен» asks which doctor to see: question words are no filler around a bare person word.
        _bareRequestFillers = [.. _personRequestFillers.Except(["какой", "какая", "какие", "какое", "какого", "какому", "такой", "такая"])];
        _options = Numbered(recognise.Options);
        _optionFillers = [.. recognise.OptionFillers.SelectMany(Words)];
        _optionOther = [.. recognise.OptionOther.Select(Words).Where(w => w.Length > 0)];
        _optionLast = [.. recognise.OptionLast.Select(Words).Where(w => w.Length > 0)];
        _scores = Numbered(recognise.Scores);
        _scoreFillers = [.. recognise.ScoreFillers.SelectMany(Words)];
        _questionWords = [.. recognise.QuestionWords.SelectMany(Words)];
        _medicalAdvice = [.. recognise.MedicalAdvice.Select(Words).Where(w => w.Length > 0)];
        _emergency = [.. recognise.Emergency.Select(Words).Where(w => w.Length > 0)];
        _crisis = [.. recognise.Crisis.Select(Words).Where(w => w.Length > 0)];
        _notUrgentAfter = recognise.NotUrgentAfter.ToDictionary(
            e => string.Join(' ', Words(e.Key)), e => e.Value.SelectMany(Words).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _smallTalk = new SmallTalkRecognizer(phrases.SmallTalk);
    }

    public RecognizedIntent Recognize(Activity activity)
    {
        if (activity.Type == ActivityType.Rating)
        {
            return activity.Rating is >= 1 and <= 5 ? new RecognizedIntent(CitizenIntent.Rate, Score: activity.Rating) : RecognizedIntent.None;
        }

        if (activity.Type == ActivityType.Button && FromPayload(activity.Payload) is { } pressed)
        {
            return pressed;
        }

        var intent = FromText(activity.Text);
        return intent.Kind == CitizenIntent.None && intent.Score is null && TypedOnLatinLayout(activity.Text) is { } cyrillic
            ? FromText(cyrillic)
            : intent;
    }

    /// <summary>
    /// «ghbdtn» is «привет» typed with the Latin layout on: a message of Latin letters only, read on the Russian layout (the KB
    /// search does the same for questions).
    /// </summary>
    private static string? TypedOnLatinLayout(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !text.Any(char.IsAsciiLetter) || text.Any(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё'))
        {
            return null;
        }

        return Knowledge.Analysis.KeyboardLayout.ToCyrillic(text);
    }

    private static RecognizedIntent? FromPayload(string? payload)
    {
        if (ButtonPayloads.ArticleId(payload) is { } articleId)
        {
            return new RecognizedIntent(CitizenIntent.ChooseArticle, articleId);
        }

        if (ButtonPayloads.Score(payload) is { } score)
        {
            return score is >= 1 and <= 5 ? new RecognizedIntent(CitizenIntent.Rate, Score: score) : RecognizedIntent.None;
        }

        CitizenIntent? kind = payload switch
        {
            ButtonPayloads.Helped => CitizenIntent.Helped,
            ButtonPayloads.NotHelped => CitizenIntent.NotHelped,
            ButtonPayloads.Operator => CitizenIntent.Operator,
            ButtonPayloads.WriteRequest => CitizenIntent.WriteRequest,
            ButtonPayloads.Resolved => CitizenIntent.Resolved,
            ButtonPayloads.Cancel => CitizenIntent.Cancel,
            _ => null,
        };
        return kind is null ? null : new RecognizedIntent(kind.Value);
    }

    /// <summary>
    /// Whether the message asks for what only a doctor can give (a diagnosis, a medicine, a dose) or describes symptoms: a phrase
    /// of <see cref="RecognisedPhrases.MedicalAdvice"/> anywhere in it, each word as the start of a word.
    /// </summary>
    public bool AsksForMedicalAdvice(string? text)
    {
        var words = Words(text);
        return words.Length > 0 && _medicalAdvice.Any(phrase => ContainsPhrase(words, phrase));
    }

    /// <summary>
    /// Whether the message says someone may be in danger now: a phrase of <see cref="RecognisedPhrases.Crisis"/> or
    /// <see cref="RecognisedPhrases.Emergency"/> anywhere in it (a crisis first: its reply names a helpline as well).
    /// </summary>
    /// <remarks>
    /// Stricter than the other phrases, since a false alarm sends the self-harm text to a question about a care home: the
    /// message is read clause by clause, every word of a phrase but the last must match whole («не дышит» is not «неделю
    /// дышит»), and a phrase followed in its clause by a word of <see cref="RecognisedPhrases.NotUrgentAfter"/> does not count
    /// («не хочет жить в доме престарелых», «не дышит носом»).
    /// </remarks>
    public Urgency? UrgencyOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clauses = ClauseBreak().Split(text).Select(Words).Where(w => w.Length > 0).ToList();
        if (clauses.Any(words => _crisis.Any(phrase => ContainsUrgentPhrase(words, phrase))))
        {
            return Urgency.Crisis;
        }

        return clauses.Any(words => _emergency.Any(phrase => ContainsUrgentPhrase(words, phrase))) ? Urgency.Emergency : null;
    }

    private bool ContainsUrgentPhrase(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            var next = start + phrase.Length;
            if (PhraseAt(words, phrase, start, wholeButLast: true)
                && (next == words.Length || !_notUrgentAfter.TryGetValue(phrase[^1], out var cancel) || !cancel.Contains(words[next])))
            {
                return true;
            }
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[.!?;,:\n—–()]+")]
    private static partial System.Text.RegularExpressions.Regex ClauseBreak();

    private RecognizedIntent FromText(string? text)
    {
        var words = Words(text);
        if (words.Length == 0)
        {
            return _smallTalk.RecognizeEmoji(text) is { } said ? new RecognizedIntent(CitizenIntent.SmallTalk, SmallTalk: said) : RecognizedIntent.None;
        }

        var whole = string.Join(' ', words);
        if (words is [var single] && single.Length == 1 && single[0] is >= '1' and <= '5')
        {
            return new RecognizedIntent(CitizenIntent.None, Score: single[0] - '0');
        }

        if (SaysItDidNotHelp(words))
        {
            return new RecognizedIntent(CitizenIntent.NotHelped);
        }

        if (_helped.Contains(whole))
        {
            return new RecognizedIntent(CitizenIntent.Helped);
        }

        if (MadeOf(words, _writeRequest, _writeRequestFillers, byWordBeginning: false))
        {
            return new RecognizedIntent(CitizenIntent.WriteRequest);
        }

        if (_cancel.Contains(whole))
        {
            return new RecognizedIntent(CitizenIntent.Cancel);
        }

        if (_resolved.Any(phrase => ContainsPhrase(words, phrase)))
        {
            return new RecognizedIntent(CitizenIntent.Resolved);
        }

        var smallTalk = _smallTalk.Recognize(words);
        if (smallTalk == SmallTalkKind.WhoAreYou)
        {
            // «ты живой человек или робот?» names a person but asks who is writing; the reply says a specialist can be called.
            return new RecognizedIntent(CitizenIntent.SmallTalk, SmallTalk: smallTalk);
        }

        if ((_operator.Any(phrase => ContainsPhrase(words, phrase)) && !Complains(words)) || IsBarePersonRequest(words)
            || MadeOf(words, _personRequests, _personRequestFillers, byWordBeginning: true))
        {
            return new RecognizedIntent(CitizenIntent.Operator);
        }

        return smallTalk is { } kind ? new RecognizedIntent(CitizenIntent.SmallTalk, SmallTalk: kind) : RecognizedIntent.None;
    }

    /// <summary>
    /// Whether the message is only a request for a person («оператор», «позовите специалиста, пожалуйста»): every word is part
    /// of an operator phrase or a filler. «Оператор ответил быстро, спасибо» mentions one and asks for nothing.
    /// </summary>
    public bool OnlyAsksForPerson(string? text)
    {
        var words = Words(text);
        return MadeOf(words, _operator, _personRequestFillers, byWordBeginning: true) || IsBarePersonRequest(words)
            || MadeOf(words, _personRequests, _personRequestFillers, byWordBeginning: true);
    }

    // The verbs and particles around «оператор» in a request for one.
    private static readonly string[] PersonRequestWords =
        ["позовите", "позови", "дайте", "дай", "соедините", "соедини", "переключите", "с", "со", "на", "хочу", "нужен", "нужна", "можно", "мне"];

    /// <summary>See <see cref="RecognisedPhrases.Complaint"/>.</summary>
    private bool Complains(string[] words) => words.Any(w => _complaint.Any(c => w.StartsWith(c, StringComparison.Ordinal)));

    /// <summary>See <see cref="RecognisedPhrases.PersonWords"/>: «специалиста пожалуйста», «аператор».</summary>
    private bool IsBarePersonRequest(string[] words)
    {
        if (words.Length > 4)
        {
            return false;
        }

        var found = false;
        foreach (var word in words)
        {
            if (_personWords.Any(person => NamesPerson(word, person)))
            {
                found = true;
            }
            else if (!_bareRequestFillers.Contains(word))
            {
                return false;
            }
        }

        return found;
    }

    /// <summary>The word is the person word in some ending («оператора», «специалистом»), or it with one letter wrong.</summary>
    private static bool NamesPerson(string word, string person)
    {
        if (word.StartsWith(person, StringComparison.Ordinal) && word.Length <= person.Length + 3)
        {
            return true;
        }

        if (person.Length < 7)
        {
            return false;
        }

        // The typo may drop or add a letter, and an ending of up to three letters may follow.
        for (var length = person.Length - 1; length <= person.Length + 1; length++)
        {
            if (word.Length >= length && word.Length - length <= 3
                && Knowledge.Analysis.EditDistance.DamerauLevenshtein(word[..length], person, 1) <= 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>See <see cref="RecognisedPhrases.CancelRequest"/>.</summary>
    public bool CancelsRequest(string? text) => MadeOf(Words(text), _cancelRequest, _cancelRequestFillers, byWordBeginning: false);

    /// <summary>
    /// The number of the choice a message names from a list («2», «вариант 2», «второе»; see <see cref="RecognisedPhrases.Options"/>),
    /// or null when it names none.
    /// </summary>
    public int? OptionNumber(string? text) => NumberIn(Words(text), _options, _optionFillers, max: 99);

    /// <summary>«Другое» after a list: none of its articles.</summary>
    public bool ChoosesOther(string? text) => MadeOf(Words(text), _optionOther, _optionFillers, byWordBeginning: false);

    /// <summary>«Последний» after a list: its last article.</summary>
    public bool ChoosesLast(string? text) => MadeOf(Words(text), _optionLast, _optionFillers, byWordBeginning: false);

    /// <summary>
    /// The 1–5 score a message gives in words or with words around a digit («отлично», «пять», «5 звёзд», «5 из 5»; see
    /// <see cref="RecognisedPhrases.Scores"/>), or null. A bare digit is read by <see cref="Recognize"/> already.
    /// </summary>
    public int? ScoreInWords(string? text)
    {
        if (Stars(text) is { } stars)
        {
            return stars;
        }

        var words = Words(text);
        // «8 из 10»: a ten-point score, halved and rounded up.
        if (words is [var ten, "из", "10"] && int.TryParse(ten, System.Globalization.CultureInfo.InvariantCulture, out var outOfTen) && outOfTen is >= 1 and <= 10)
        {
            return (outOfTen + 1) / 2;
        }

        // «5 из 5», «4/5».
        if (words.Length >= 3 && words[^2] == "из" && words[^1] is "5" or "пяти")
        {
            words = words[..^2];
        }
        else if (words is [var given, "5"] && given.All(char.IsAsciiDigit))
        {
            words = [given];
        }

        return NumberIn(words, _scores, _scoreFillers, max: 5) is { } score && score >= 1 ? score : null;
    }

    /// <summary>«⭐⭐⭐⭐» (or ★): as many stars as the score, nothing else.</summary>
    private static int? Stars(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0x2B50 or 0x2605 or 0x1F31F)
            {
                count++;
            }
            else if (!System.Text.Rune.IsWhiteSpace(rune) && rune.Value is not (0xFE0F or 0xFE0E))
            {
                return null;
            }
        }

        return count is >= 1 and <= 5 ? count : null;
    }

    /// <summary>Whether the message holds a question word anywhere («а больничный как открыть»): with a confident answer, a question.</summary>
    public bool HasQuestionWord(string? text) => Words(text).Any(_questionWords.Contains);

    /// <summary>Whether the message is a number and nothing else («0», «10»): after the rating prompt, a score out of range.</summary>
    public static bool IsNumberOnly(string? text) => Words(text) is [var single] && single.All(char.IsAsciiDigit);

    /// <summary>
    /// The one number a short message names: a digit, or a phrase of the numbered lists (one per number, from 1), with filler
    /// words around it; null for anything else.
    /// </summary>
    private static int? NumberIn(string[] words, Dictionary<string, int> numbered, HashSet<string> fillers, int max)
    {
        if (words.Length is 0 or > 5)
        {
            return null;
        }

        var rest = words.Where(w => !fillers.Contains(w)).ToArray();
        if (rest.Length == 0)
        {
            return null;
        }

        var whole = string.Join(' ', rest);
        if (rest is [var single] && single.Length <= 2 && single.All(char.IsAsciiDigit))
        {
            var value = int.Parse(single, System.Globalization.CultureInfo.InvariantCulture);
            return value >= 1 && value <= max ? value : null;
        }

        return numbered.TryGetValue(whole, out var number) ? number : null;
    }

    private static Dictionary<string, int> Numbered(IReadOnlyList<IReadOnlyList<string>> lists)
    {
        var numbered = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lists.Count; i++)
        {
            foreach (var phrase in lists[i])
            {
                numbered.TryAdd(string.Join(' ', Words(phrase)), i + 1);
            }
        }

        return numbered;
    }

    /// <summary>See <see cref="RecognisedPhrases.StillThere"/>.</summary>
    public bool ChecksSomeoneIsThere(string? text) => MadeOf(Words(text), _stillThere, _smallTalkFillers, byWordBeginning: false);

    /// <summary>See <see cref="RecognisedPhrases.NotHelped"/>.</summary>
    private bool SaysItDidNotHelp(string[] words) => MadeOf(words, _notHelped, _notHelpedFillers, byWordBeginning: false);

    /// <summary>
    /// At most eight words, each one of a phrase or a filler, and at least one phrase. A phrase's words match whole, or, with
    /// <paramref name="byWordBeginning"/>, as the starts of words (as operator phrases do everywhere: «оператор» in «оператора»).
    /// </summary>
    private static bool MadeOf(string[] words, IReadOnlyList<string[]> phrases, HashSet<string> fillers, bool byWordBeginning)
    {
        const int maxWords = 8;
        if (words.Length == 0 || words.Length > maxWords)
        {
            return false;
        }

        var covered = new bool[words.Length];
        var found = false;
        foreach (var phrase in phrases)
        {
            for (var start = 0; start + phrase.Length <= words.Length; start++)
            {
                if (byWordBeginning ? PhraseAt(words, phrase, start, wholeButLast: false) : words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
                {
                    Array.Fill(covered, true, start, phrase.Length);
                    found = true;
                }
            }
        }

        return found && words.Select((w, i) => covered[i] || fillers.Contains(w)).All(ok => ok);
    }

    private static bool ContainsPhrase(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            if (PhraseAt(words, phrase, start, wholeButLast: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the phrase stands at <paramref name="start"/>: each word as the start of a word, or, with
    /// <paramref name="wholeButLast"/>, every word but the last whole.
    /// </summary>
    private static bool PhraseAt(string[] words, string[] phrase, int start, bool wholeButLast)
    {
        for (var i = 0; i < phrase.Length; i++)
        {
            var word = words[start + i];
            var matches = wholeButLast && i < phrase.Length - 1 ? word == phrase[i] : word.StartsWith(phrase[i], StringComparison.Ordinal);
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Exact(IEnumerable<string> phrases) =>
        phrases.Select(p => string.Join(' ', Words(p))).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Lower-case words of letters and digits, with ё read as е.</summary>
    internal static string[] Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) switch { 'ё' => 'е', var lower => lower } : ' ');
        }

        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
