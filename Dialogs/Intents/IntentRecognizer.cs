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
    private readonly HashSet<string> _writeRequest;
    private readonly HashSet<string> _cancel;
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
        _writeRequest = Exact(recognise.WriteRequest.Append(buttons.WriteRequest));
        _cancel = Exact(recognise.Cancel.Append(buttons.Cancel));
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

        if (_writeRequest.Contains(whole))
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

        if (_operator.Any(phrase => ContainsPhrase(words, phrase)))
        {
            return new RecognizedIntent(CitizenIntent.Operator);
        }

        return smallTalk is { } kind ? new RecognizedIntent(CitizenIntent.SmallTalk, SmallTalk: kind) : RecognizedIntent.None;
    }

    /// <summary>
    /// Whether the message is only a request for a person («оператор», «позовите специалиста, пожалуйста»): every word is part
    /// of an operator phrase or a filler. «Оператор ответил быстро, спасибо» mentions one and asks for nothing.
    /// </summary>
    public bool OnlyAsksForPerson(string? text) => MadeOf(Words(text), _operator, _personRequestFillers, byWordBeginning: true);

    // The verbs and particles around «оператор» in a request for one.
    private static readonly string[] PersonRequestWords =
        ["позовите", "позови", "дайте", "дай", "соедините", "соедини", "переключите", "с", "со", "на", "хочу", "нужен", "нужна", "можно", "мне"];

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
